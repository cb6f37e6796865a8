// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "load.hpp"

#include "allocation_counter.hpp"

#include <boost/asio/steady_timer.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace bench {

const char* to_string(connection_mode mode)
{
    switch (mode) {
    case connection_mode::keep_alive: return "keep-alive";
    case connection_mode::new_connection: return "new-conn";
    case connection_mode::resumption: return "new-conn+resume";
    }
    return "?";
}

namespace {

double cpu_microseconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e6 + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

double percentile(std::vector<double>& sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

measurement measure(const target& where, const scenario& what, const spawn_function& spawn_workers)
{
    boost::asio::io_context ioc(1);
    std::vector<double> latencies;
    latencies.reserve(1 << 20);
    unsigned long long failures = 0;
    const auto warm_up = std::chrono::milliseconds(300);
    worker_context context{where, what, {}, {}, latencies, failures, what.in_flight};
    auto keep_alive = spawn_workers(ioc, context);  // set-up (a TLS context, say) is not measured
    context.measure_from = clock::now() + warm_up;
    context.stop_at = context.measure_from + what.duration;
    double cpu_start = 0;
    unsigned long long allocations_start = 0;
    boost::asio::steady_timer warm(ioc, context.measure_from);
    warm.async_wait([&](auto) {
        cpu_start = cpu_microseconds();
        allocations_start = allocation_count();
    });
    // Workers stop at stop_at; until the last is done, not until the context runs dry (a Redis
    // limiter's connection never lets it). The child also has an alarm.
    while (context.workers_left > 0 && ioc.run_one() != 0) {}
    const double cpu = cpu_microseconds() - cpu_start;
    const unsigned long long allocations = allocation_count() - allocations_start;

    measurement m;
    m.calls = latencies.size();
    m.failures = failures;
    m.seconds = std::chrono::duration<double>(what.duration).count();
    std::sort(latencies.begin(), latencies.end());
    m.p50_us = percentile(latencies, 0.50);
    m.p99_us = percentile(latencies, 0.99);
    m.max_us = latencies.empty() ? 0 : latencies.back();
    m.cpu_us_per_call = m.calls ? cpu / static_cast<double>(m.calls) : 0;
    m.allocations_per_call = m.calls ? static_cast<double>(allocations) / static_cast<double>(m.calls) : 0;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    m.peak_rss_kb = usage.ru_maxrss;
    return m;
}

}  // namespace

measurement run_in_child(const target& where, const scenario& what, const spawn_function& spawn_workers)
{
    int fds[2];
    if (pipe(fds) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t child = fork();
    if (child < 0)
        throw std::runtime_error("fork failed");
    if (child == 0) {
        close(fds[0]);
        alarm(static_cast<unsigned>(what.duration.count() / 1000 + 60));  // never hang the benchmark
        measurement m = measure(where, what, spawn_workers);
        const ssize_t written = write(fds[1], &m, sizeof m);
        _exit(written == static_cast<ssize_t>(sizeof m) ? 0 : 1);
    }
    close(fds[1]);
    measurement m;
    const ssize_t got = read(fds[0], &m, sizeof m);
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (got != static_cast<ssize_t>(sizeof m) || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(std::string("benchmark child failed: ") + to_string(what.op) + " " + what.client +
                                 " " + to_string(what.mode));
    return m;
}

}  // namespace bench
