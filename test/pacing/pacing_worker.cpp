// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// One replica of a bot, for the multi-process pacing tests: many coroutines calling one method of
// one workspace as fast as the limiter shared on Redis lets them.
//   pacing_worker --api-url URL --ca-file PEM --redis URL --workspace T --per-minute N
//                 [--method M] [--burst B] [--callers N] [--seconds S]
// The token comes from SLACK_TOKEN (never printed). Calls M (default auth.test), paced at N a
// minute, with rate key T until SIGTERM or S seconds (default 120), then prints its counts and
// exits 0; 2 on bad usage. SIGUSR1 prints the counts so far (the test marks phases with it).
// Counts, one a line: "calls N" (succeeded), "limited N" (429s received), "errors N" (calls
// that failed), "ratelimited N" (of those, failed as rate limited), "fell_back N" (the limiter
// lost Redis), "sharing_again N" (it reached Redis again).
#include <slack/condition.hpp>
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
#include <functional>
#include <iostream>
#include <map>
#include <string>

namespace asio = boost::asio;
namespace web = slack::web;

namespace {

struct counts {
    std::size_t calls = 0, limited = 0, errors = 0, ratelimited = 0, fell_back = 0, sharing_again = 0;
    void print() const
    {
        std::cout << "calls " << calls << "\nlimited " << limited << "\nerrors " << errors << "\nratelimited "
                  << ratelimited << "\nfell_back " << fell_back << "\nsharing_again " << sharing_again << std::endl;
    }
};

}  // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    const char* token = std::getenv("SLACK_TOKEN");
    if (!token || !args.count("--api-url") || !args.count("--ca-file") || !args.count("--redis") ||
        !args.count("--workspace") || !args.count("--per-minute")) {
        std::cerr << "usage: SLACK_TOKEN=... pacing_worker --api-url URL --ca-file PEM --redis URL --workspace T "
                     "--per-minute N [--method M] [--burst B] [--callers N] [--seconds S]\n";
        return 2;
    }
    const std::string method = args.count("--method") ? args["--method"] : "auth.test";
    const int callers = args.count("--callers") ? std::atoi(args["--callers"].c_str()) : 50;
    const int seconds = args.count("--seconds") ? std::atoi(args["--seconds"].c_str()) : 120;
    const web::rate_pace pace{.per_minute = std::atof(args["--per-minute"].c_str()),
                              .burst = args.count("--burst") ? unsigned(std::atoi(args["--burst"].c_str())) : 1u};

    asio::io_context io;
    web::rate_limits limits;
    limits.set(method, pace);
    counts counted;
    auto limiter = web::open_limiter(
        args["--redis"], io.get_executor(), limits,
        {.app = "pacing-test",
         .on_event =
             [&](const web::redis_limiter_event& e) {
                 ++(e.what == web::redis_limiter_event::kind::fell_back ? counted.fell_back : counted.sharing_again);
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
            ++counted.limited;
    };
    web::client client(io.get_executor(), tls, options);

    bool stopping = false;
    const std::string workspace = args["--workspace"];
    for (int n = 0; n < callers; ++n)
        asio::co_spawn(
            io,
            [&]() -> asio::awaitable<void> {
                // auth.test and the tests' own methods only read: safe to retry.
                const web::call_params params{.idempotent = true, .rate_key = workspace};
                while (!stopping) {
                    slack::diagnostics diag;
                    auto answer = co_await client.call(method, params, token, diag);
                    if (stopping)
                        break;
                    if (answer) {
                        ++counted.calls;
                        continue;
                    }
                    ++counted.errors;
                    if (answer.error() == slack::condition::rate_limited)
                        ++counted.ratelimited;
                    else if (counted.errors - counted.ratelimited == 1)  // the first says why
                        std::cerr << "pacing_worker: first error: " << answer.error().message() << "\n";
                }
            },
            asio::detached);

    auto finish = [&] {
        if (stopping)
            return;
        stopping = true;
        counted.print();
        io.stop();
    };
    asio::signal_set signals(io, SIGTERM, SIGINT);
    signals.async_wait([&](boost::system::error_code, int) { finish(); });
    asio::signal_set snapshot(io, SIGUSR1);
    std::function<void(boost::system::error_code, int)> on_snapshot = [&](boost::system::error_code ec, int) {
        if (ec)
            return;
        counted.print();
        snapshot.async_wait(on_snapshot);
    };
    snapshot.async_wait(on_snapshot);
    asio::steady_timer limit(io, std::chrono::seconds(seconds));
    limit.async_wait([&](boost::system::error_code) { finish(); });
    io.run();
    return 0;
}
