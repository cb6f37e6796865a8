// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth mock: the mock Slack server, standalone, until interrupted.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

#include <slack/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <chrono>
#include <csignal>
#include <iostream>

namespace slack::cli {

namespace {

// Seconds as for --timeout, or 0 where the option allows it (a grace or delay of none).
std::chrono::milliseconds milliseconds_of(std::string_view option, const std::string& text, bool zero_allowed = false)
{
    if (zero_allowed && text == "0")
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(static_cast<long long>(parse_seconds(option, text) * 1000));
}

std::chrono::seconds seconds_of(std::string_view option, const std::string& text)
{
    return std::chrono::ceil<std::chrono::seconds>(milliseconds_of(option, text));
}

// The server's options that shape what a user's test sees (server_options in slack/mock/server.hpp).
void apply_server_option(std::string_view option, argument_reader& reader, mock::server_options& o)
{
    if (option == "--no-token-rotation")
        o.token_rotation = false;
    else if (option == "--access-token-lifetime")
        o.access_token_lifetime = seconds_of(option, reader.value(option));
    else if (option == "--refresh-grace")
        o.refresh_grace = milliseconds_of(option, reader.value(option), true);
    else if (option == "--refresh-delay")
        o.refresh_delay = milliseconds_of(option, reader.value(option), true);
    else if (option == "--code-lifetime")
        o.code_lifetime = seconds_of(option, reader.value(option));
    else if (option == "--idle-timeout")
        o.idle_timeout = milliseconds_of(option, reader.value(option));
    else if (option == "--team-id")
        o.team_id = reader.value(option);
    else if (option == "--team-name")
        o.team_name = reader.value(option);
    else if (option == "--app-id")
        o.app_id = reader.value(option);
    else if (option == "--redirect-url")
        o.redirect_url = reader.value(option);
    else if (option == "--decline-authorize")
        o.decline_authorize = true;
    else
        throw usage_error("unknown option " + std::string(option));
}

}  // namespace

int run_mock(const std::vector<std::string_view>& args)
{
    mock::server_options options;
    std::string ca_out;
    try {
        argument_reader reader(args);
        while (!reader.done()) {
            const std::string_view option = reader.next_option();
            if (option == "--port")
                options.port = static_cast<unsigned short>(parse_port(reader.value(option)));
            else if (option == "--ca-out")
                ca_out = reader.value(option);
            else if (option == "--client-id")
                options.client_id = reader.value(option);
            else if (option == "--client-secret")
                options.client_secret = reader.value(option);
            else
                apply_server_option(option, reader, options);
        }
    } catch (const usage_error& e) {
        std::cerr << "usage error: " << e.what() << "\nRun 'slack-oauth mock --help' for its options.\n";
        return exit_usage;
    }

    boost::asio::io_context ioc;
    mock::server server(ioc.get_executor(), options);
    try {
        server.start();
        if (!ca_out.empty())
            server.write_ca_file(ca_out);
    } catch (const std::exception& e) {
        std::cerr << "error: mock: " << e.what() << "\n";
        return exit_transport;
    }
    std::cout << "mock Slack API listening at " << server.api_url() << "\n"
              << "  client id: " << options.client_id << " (secret: as given, or the documented default)\n"
              << "  mint a code: curl --cacert CA -d redirect_uri=URI "
              << "https://127.0.0.1:" << server.port() << "/mock/codes\n";
    if (!ca_out.empty())
        std::cout << "  CA certificate: " << ca_out << "\n";
    std::cout.flush();

    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) { server.stop(); });
    ioc.run();
    return exit_success;
}

}  // namespace slack::cli
