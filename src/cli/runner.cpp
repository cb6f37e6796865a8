// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/runner.hpp"

#include "cli/human.hpp"
#include "cli/options.hpp"
#include "cli/rate_limits.hpp"
#include "cli/report.hpp"

#include <slack/web/tls.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

#include <unistd.h>

namespace slack::cli {

namespace asio = boost::asio;

std::optional<web::client> make_client(asio::any_io_executor executor, const call_inputs& in)
{
    // One context for Slack and for a rediss:// limiter: --cacert adds to the system's CAs for both.
    auto tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    if (!in.cacert.empty()) {
        boost::system::error_code ec;
        tls->load_verify_file(in.cacert, ec);
        if (ec) {
            std::cerr << "usage error: cannot load --cacert " << in.cacert << ": " << ec.message() << "\n";
            return std::nullopt;
        }
    }
    web::client_options options = in.options;
    if (!in.rate_limits.empty()) {
        try {
            options.limiter = open_cli_limiter(executor, in, tls);
        } catch (const usage_error& e) {
            std::cerr << "usage error: " << e.what() << "\n";
            return std::nullopt;
        }
    }
    if (in.verbose)
        options.on_event = [](const web::call_event& event) {
            std::cerr << "slack-oauth: " << describe(event) << "\n";
        };
    return web::client(std::move(executor), std::move(tls), std::move(options));
}

bool prints_human(const call_inputs& in)
{
    if (in.format == call_inputs::output::automatic)
        return ::isatty(STDOUT_FILENO) == 1;  // scripts read a pipe or file: JSON for them
    return in.format == call_inputs::output::human;
}

int run_call(const call_inputs& in, const call_function& call)
{
    asio::io_context ioc;
    std::optional<web::client> made = make_client(ioc.get_executor(), in);
    if (!made)
        return exit_usage;
    web::client& client = *made;
    slack::diagnostics diag;
    int status = exit_transport;
    auto run = [&]() -> asio::awaitable<void> {
        const call_outcome outcome = co_await call(client, diag);
        if (!outcome.error) {
            if (prints_human(in))
                std::cout << human_form(outcome.body);
            else
                std::cout << outcome.body << "\n";  // the JSON as Slack sent it
            status = exit_success;
        } else {
            std::cerr << error_line(outcome.error, diag) << "\n";
            status = exit_status_for(outcome.error);
        }
        ioc.stop();  // a Redis limiter (--rate-limits) keeps its connection alive: the command ends here
    };
    asio::co_spawn(ioc, run(), asio::detached);
    ioc.run();  // bounded: client_options::timeout (--timeout) covers every attempt and wait
    return status;
}

int report_usage_error(std::string_view command, const std::exception& e)
{
    std::cerr << "usage error: " << e.what() << "\nRun 'slack-oauth " << command << " --help' for its options.\n";
    return exit_usage;
}

}  // namespace slack::cli
