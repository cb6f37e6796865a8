// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// scripts/bench: what asking a rate limiter costs (include/slack/web/rate_limiter.hpp).
//   limiter_bench [--redis URL] [--duration-ms N] [--processes P]
// For 1, 8 and 64 callers in flight, each asking for one request after another of a paced
// method (chat.postMessage, a pace no decision waits on, 1,000 workspaces in turn): decisions per
// second and the time one decision takes, for the local limiter and, with --redis, the limiter
// shared on Redis (one EVALSHA round trip each, pipelined across the callers). Ratio = Redis /
// local decisions per second, same run. With --processes P, P processes ask Redis at once (as
// replicas would) and their sum is shown. Every run of the io_context is bounded by a deadline.
#include "unwaited_limits.hpp"

#include <slack/web/rate_limiter.hpp>
#include <slack/web/redis_limiter.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using clock_type = std::chrono::steady_clock;
using bench::unwaited_limits;

struct result {
    double per_second = 0;
    double micros_each = 0;  // one caller's wait for one decision
    std::size_t errors = 0, local_answers = 0;
};

// `in_flight` callers asking `limiter` for `duration`.
result run(asio::io_context& io, web::rate_limiter& limiter, int in_flight, std::chrono::milliseconds duration)
{
    std::vector<std::string> workspaces;
    for (int i = 0; i < 1000; ++i)
        workspaces.push_back("T" + std::to_string(100000 + i));
    std::size_t decisions = 0;
    result r;
    bool stop = false;
    int running = in_flight;
    for (int n = 0; n < in_flight; ++n)
        asio::co_spawn(
            io,
            [&, n]() -> asio::awaitable<void> {
                for (std::size_t i = static_cast<std::size_t>(n); !stop; i += static_cast<std::size_t>(in_flight)) {
                    const web::rate_key key{.workspace = workspaces[i % workspaces.size()],
                                            .method = "chat.postMessage",
                                            .channel = "C0BENCH"};
                    auto grant =
                        co_await limiter.acquire(key, clock_type::now() + std::chrono::seconds(1), asio::use_awaitable);
                    ++decisions;
                    if (!grant)
                        ++r.errors;
                    else if (!grant->shared)
                        ++r.local_answers;
                }
                --running;
            },
            asio::detached);
    const auto start = clock_type::now();
    io.restart();
    io.run_until(start + duration);
    const double seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    stop = true;
    io.restart();
    const auto drain = clock_type::now() + std::chrono::seconds(5);
    while (running > 0 && io.run_one_until(drain) != 0) {}
    r.per_second = decisions / seconds;
    r.micros_each = r.per_second > 0 ? 1e6 * in_flight / r.per_second : 0;
    return r;
}

}  // namespace

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    const std::chrono::milliseconds duration(args.count("--duration-ms") ? std::atoi(args["--duration-ms"].c_str())
                                                                         : 1000);
    const std::string redis = args.count("--redis") ? args["--redis"] : "";
    const int processes = args.count("--processes") ? std::atoi(args["--processes"].c_str()) : 1;

    if (processes > 1) {  // P replicas asking Redis at once; each prints its own rows
        if (redis.empty()) {
            std::fprintf(stderr, "limiter_bench: --processes needs --redis\n");
            return 2;
        }
        std::vector<pid_t> children;
        for (int p = 0; p < processes; ++p) {
            const pid_t pid = ::fork();
            if (pid == 0) {
                asio::io_context io;
                auto limiter = web::open_limiter(redis, io.get_executor(), unwaited_limits()).value();
                const result r = run(io, *limiter, 64, duration);
                std::printf("  process %d, 64 in flight: %.0f decisions/s (%zu errors, %zu local answers)\n", p,
                            r.per_second, r.errors, r.local_answers);
                std::fflush(stdout);
                ::_exit(0);
            }
            children.push_back(pid);
        }
        for (pid_t pid : children)
            ::waitpid(pid, nullptr, 0);
        return 0;
    }

    std::printf("%-9s %-7s %14s %12s %9s\n", "in flight", "limiter", "decisions/s", "µs each", "ratio");
    for (int in_flight : {1, 8, 64}) {
        asio::io_context io;
        auto local = web::make_local_limiter(io.get_executor(), unwaited_limits());
        const result l = run(io, *local, in_flight, duration);
        std::printf("%-9d %-7s %14.0f %12.1f %9s\n", in_flight, "local", l.per_second, l.micros_each, "");
        if (redis.empty())
            continue;
        auto shared = web::open_limiter(redis, io.get_executor(), unwaited_limits()).value();
        run(io, *shared, 1, std::chrono::milliseconds(200));  // connect and load the script first
        const result s = run(io, *shared, in_flight, duration);
        std::printf("%-9d %-7s %14.0f %12.1f %9.3f%s\n", in_flight, "redis", s.per_second, s.micros_each,
                    l.per_second > 0 ? s.per_second / l.per_second : 0.0,
                    s.errors || s.local_answers ? "  (some answers were not Redis's)" : "");
    }
    return 0;
}
