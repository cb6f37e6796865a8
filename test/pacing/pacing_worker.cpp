// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// One replica of a bot, for the multi-process pacing tests: many coroutines calling one method of
// one workspace as fast as the limiter shared on Redis lets them.
//   pacing_worker --api-url URL --ca-file PEM --redis URL --workspace T --per-minute N
//                 [--burst B] [--callers N] [--seconds S]
// The token comes from SLACK_TOKEN (never printed). Calls auth.test with rate key T until
// SIGTERM or S seconds (default 120), then prints "calls N", "limited N" (429s it received),
// "errors N" and "fell_back N" (the limiter lost Redis), and exits 0; 2 on bad usage.
#include <slack/web/auth.hpp>
#include <slack/web/client.hpp>
#include <slack/web/rate_limiter.hpp>
#include <slack/web/redis_limiter.hpp>
#include <slack/web/tls.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

namespace asio = boost::asio;
namespace web = slack::web;

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    const char* token = std::getenv("SLACK_TOKEN");
    if (!token || !args.count("--api-url") || !args.count("--ca-file") || !args.count("--redis") ||
        !args.count("--workspace") || !args.count("--per-minute")) {
        std::cerr << "usage: SLACK_TOKEN=... pacing_worker --api-url URL --ca-file PEM --redis URL --workspace T "
                     "--per-minute N [--burst B] [--callers N] [--seconds S]\n";
        return 2;
    }
    const std::string method = "auth.test";
    const int callers = args.count("--callers") ? std::atoi(args["--callers"].c_str()) : 50;
    const int seconds = args.count("--seconds") ? std::atoi(args["--seconds"].c_str()) : 120;
    const web::rate_pace pace{.per_minute = std::atof(args["--per-minute"].c_str()),
                              .burst = args.count("--burst") ? unsigned(std::atoi(args["--burst"].c_str())) : 1u};

    asio::io_context io;
    web::rate_limits limits;
    limits.set(method, pace);
    std::size_t calls = 0, limited = 0, errors = 0, fell_back = 0;
    auto limiter = web::open_limiter(args["--redis"], io.get_executor(), limits,
                                     {.app = "pacing-test",
                                      .on_event =
                                          [&](const web::redis_limiter_event& e) {
                                              if (e.what == web::redis_limiter_event::kind::fell_back)
                                                  ++fell_back;
                                          },
                                      .fallback = web::make_local_limiter(io.get_executor(), limits)});
    if (!limiter) {
        std::cerr << "pacing_worker: " << limiter.error().message() << "\n";
        return 2;
    }
    auto tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    tls->load_verify_file(args["--ca-file"]);
    web::client_options options{.api_url = args["--api-url"]};
    options.max_connections = 64;
    options.limiter = *limiter;
    options.on_event = [&](const web::call_event& e) {
        if (e.what == web::call_event::kind::attempt_failed && e.http_status == 429)
            ++limited;
    };
    web::client client(io.get_executor(), tls, options);

    bool stopping = false;
    const std::string workspace = args["--workspace"];
    for (int n = 0; n < callers; ++n)
        asio::co_spawn(
            io,
            [&]() -> asio::awaitable<void> {
                web::auth auth(client);
                while (!stopping) {
                    slack::diagnostics diag;
                    auto who = co_await auth.test({.token = token, .rate_key = workspace}, diag);
                    if (stopping)
                        break;
                    ++(who ? calls : errors);
                    if (!who && errors == 1)  // the first says why; the count says how many
                        std::cerr << "pacing_worker: first error: " << who.error().message() << "\n";
                }
            },
            asio::detached);

    auto finish = [&] {
        if (stopping)
            return;
        stopping = true;
        std::cout << "calls " << calls << "\nlimited " << limited << "\nerrors " << errors << "\nfell_back "
                  << fell_back << std::endl;
        io.stop();
    };
    asio::signal_set signals(io, SIGTERM, SIGINT);
    signals.async_wait([&](boost::system::error_code, int) { finish(); });
    asio::steady_timer limit(io, std::chrono::seconds(seconds));
    limit.async_wait([&](boost::system::error_code) { finish(); });
    io.run();
    return 0;
}
