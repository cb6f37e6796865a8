// slack-oauth access: one oauth.access exchange from the command line.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

constexpr const char* access_usage = "Run 'slack-oauth access --help' for its options.\n";

std::chrono::milliseconds to_milliseconds(double seconds)
{
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

slack::retry_policy named_policy(const std::string& name)
{
    if (name == "none") return slack::retry_policy::none();
    if (name == "standard") return slack::retry_policy::standard();
    if (name == "patient") return slack::retry_policy::patient();
    throw usage_error("--retry wants none, standard or patient");  // the value is not echoed: it may be a secret
}

// The parameters as read: access_params only views strings.
struct access_inputs {
    std::string client_id, client_secret, code, redirect_uri;
    bool single_channel = false;

    web::access_params params() const
    {
        return {.client_id = client_id,
                .client_secret = client_secret,
                .code = code,
                .redirect_uri = redirect_uri,
                .single_channel = single_channel};
    }
};

struct access_command {
    access_inputs params;
    web::client_options options;
    std::string cacert;
    bool verbose = false;
};

access_command parse(const std::vector<std::string_view>& args)
{
    access_command command;
    command.params.client_id = environment("SLACK_CLIENT_ID").value_or("");
    command.params.client_secret = environment("SLACK_CLIENT_SECRET").value_or("");
    argument_reader reader(args);
    while (!reader.done()) {
        const std::string_view option = reader.next_option();
        if (option == "--code") command.params.code = reader.value(option);
        else if (option == "--client-id") command.params.client_id = reader.value(option);
        else if (option == "--client-secret") command.params.client_secret = reader.value(option);
        else if (option == "--redirect-uri") command.params.redirect_uri = reader.value(option);
        else if (option == "--single-channel") command.params.single_channel = true;
        else if (option == "--api-url") command.options.api_url = reader.value(option);
        else if (option == "--cacert") command.cacert = reader.value(option);
        else if (option == "--insecure-http") command.options.allow_insecure_http = true;
        else if (option == "--credentials") {
            const std::string style = reader.value(option);
            if (style == "basic") command.options.credentials = web::credentials_in::basic_auth;
            else if (style == "form") command.options.credentials = web::credentials_in::form;
            else throw usage_error("--credentials wants basic or form");
        }
        else if (option == "--timeout") command.options.timeout = to_milliseconds(parse_seconds(option, reader.value(option)));
        else if (option == "--attempt-timeout")
            command.options.attempt_timeout = to_milliseconds(parse_seconds(option, reader.value(option)));
        else if (option == "--retry") command.options.retry = named_policy(reader.value(option));
        else if (option == "--verbose") command.verbose = true;
        else throw usage_error("unknown option " + std::string(option));
    }
    if (command.params.code.empty())
        throw usage_error("--code is required");
    if (command.params.client_id.empty())
        throw usage_error("no client id: pass --client-id or set SLACK_CLIENT_ID");
    if (command.params.client_secret.empty())
        throw usage_error("no client secret: set SLACK_CLIENT_SECRET");
    return command;
}

}  // namespace

int run_access(const std::vector<std::string_view>& args)
{
    access_command command;
    try {
        command = parse(args);
    } catch (const usage_error& e) {
        std::cerr << "usage error: " << e.what() << "\n" << access_usage;
        return exit_usage;
    }

    asio::ssl::context tls = web::make_tls_context();
    if (!command.cacert.empty()) {
        boost::system::error_code ec;
        tls.load_verify_file(command.cacert, ec);
        if (ec) {
            std::cerr << "usage error: cannot load --cacert " << command.cacert << ": " << ec.message() << "\n";
            return exit_usage;
        }
    }
    if (command.verbose)
        command.options.on_event = [](const web::call_event& event) { std::cerr << "slack-oauth: " << describe(event) << "\n"; };

    asio::io_context ioc;
    web::client client(ioc.get_executor(), std::move(tls), command.options);
    web::oauth oauth(client);
    slack::diagnostics diag;
    int status = exit_transport;
    auto exchange = [&]() -> asio::awaitable<void> {
        auto r = co_await oauth.access(command.params.params(), diag);
        if (r) {
            std::cout << r->body() << "\n";  // the JSON as Slack sent it
            status = exit_success;
        } else {
            std::cerr << error_line(r.error(), diag) << "\n";
            status = exit_status_for(r.error());
        }
    };
    asio::co_spawn(ioc, exchange(), asio::detached);
    ioc.run();  // bounded: client_options::timeout covers every attempt and wait
    return status;
}

}  // namespace slack::cli
