// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "report.hpp"

#include "process_usage.hpp"

#include <array>
#include <chrono>
#include <cstdio>

namespace soak {

namespace {

void print_outcome_table(const plan& planned, const run_record& run)
{
    std::array<std::array<std::size_t, outcome_count>, fault_count> counts{};
    for (std::size_t id = 0; id < run.calls.size(); ++id)
        if (run.calls[id].completions > 0)
            ++counts[static_cast<std::size_t>(planned.calls[id].kind)][static_cast<std::size_t>(run.calls[id].result)];
    std::printf("completions by fault and outcome:\n  %-14s %8s", "fault", "calls");
    for (std::size_t o = 0; o < outcome_count; ++o)
        std::printf(" %19s", std::string(to_string(static_cast<outcome>(o))).c_str());
    std::printf("\n");
    std::array<std::size_t, outcome_count> totals{};
    std::size_t all = 0;
    for (std::size_t f = 0; f < fault_count; ++f) {
        const std::size_t calls = planned.count(static_cast<fault>(f));
        all += calls;
        std::printf("  %-14s %8zu", std::string(to_string(static_cast<fault>(f))).c_str(), calls);
        for (std::size_t o = 0; o < outcome_count; ++o) {
            std::printf(" %19zu", counts[f][o]);
            totals[o] += counts[f][o];
        }
        std::printf("\n");
    }
    std::printf("  %-14s %8zu", "total", all);
    for (std::size_t total : totals)
        std::printf(" %19zu", total);
    std::printf("\n");
}

}  // namespace

void print_report(const run_summary& summary, const plan& planned, const run_record& run, const event_counts& events,
                  const rate_limit_summary& limits, const exchange_summary& exchanges, const violations& found)
{
    const double seconds = std::chrono::duration<double>(run.elapsed).count();
    std::printf("soak: %zu calls through one client, %zu in flight, max_connections %zu, layout %s, seed %llu\n",
                summary.calls, summary.in_flight, summary.max_connections, summary.layout.c_str(),
                static_cast<unsigned long long>(summary.seed));
    std::printf("faults:");
    for (std::size_t f = 0; f < fault_count; ++f)
        std::printf(" %s %zu%s", std::string(to_string(static_cast<fault>(f))).c_str(),
                    planned.count(static_cast<fault>(f)), f + 1 < fault_count ? "," : "\n");
    print_outcome_table(planned, run);
    std::printf(
        "events: %zu attempts, %zu answered 429, %zu retries, %zu rate-limit waits, %zu retries refused by "
        "the budget; %zu cancellations emitted\n",
        events.attempts_started, events.answers_429, events.retries_scheduled, events.rate_limit_waits,
        events.budget_refusals, run.cancellations_emitted);
    std::printf("429s: %zu scripted by the rate-limit codes, %zu met another call's window (at most %zu may)\n",
                limits.own_429s, limits.into_windows, limits.allowed_into_windows);
    const slack::web::pool_stats& end = run.pool.at_end;
    std::printf(
        "pool: max open %zu (bound %zu), max queued %zu, %zu samples; %zu opened, %zu reused, %zu resumed, "
        "%zu stale dropped; at the end %zu open, %zu idle, %zu queued, %zu after close_idle()\n",
        run.pool.max_open, summary.max_connections, run.pool.max_queued, run.pool.samples, end.connections_opened,
        end.connections_reused, end.sessions_resumed, end.stale_discarded, end.open, end.idle, end.queued,
        run.pool.open_after_close_idle);
    std::printf("sockets: %zu open in the process once the client closed its idle connections and the mock stopped\n",
                summary.sockets_at_end);
    std::printf(
        "exchanges: %zu calls' codes counted by the mock as they completed, %zu requests (%zu calls overlapped "
        "another call's rate-limit window)\n",
        exchanges.checked, exchanges.requests, exchanges.window_exposed);
    const slack::mock::memory_use& mock = summary.mock_memory;
    std::printf(
        "mock memory at the end: %zu live codes in %zu KB, exchange counts in %zu KB, %zu requests logged "
        "in %zu KB\n",
        mock.live_codes, mock.code_bytes / 1024, mock.counted_code_bytes / 1024, mock.recorded_requests,
        mock.recorded_bytes / 1024);
    std::printf("rss: start %.1f MB, after warm-up (%zu calls) %.1f MB, end %.1f MB (limit %.1f MB)\n",
                megabytes(summary.rss_at_start), summary.warm_up_calls, megabytes(run.rss_after_warm_up),
                megabytes(run.rss_at_end), megabytes(summary.rss_limit));
    std::printf("elapsed: %.2f s, %.0f calls/s (deadline %zu s); CPU of client and mock %.2f s, %.1f us per call\n",
                seconds, seconds > 0 ? static_cast<double>(summary.calls) / seconds : 0.0, summary.deadline_s,
                run.cpu_seconds, summary.calls > 0 ? run.cpu_seconds * 1e6 / static_cast<double>(summary.calls) : 0.0);
    if (found.count() == 0) {
        std::printf("result: OK\n");
        return;
    }
    std::printf("result: FAIL, %zu violations\n", found.count());
    for (const std::string& v : found.first())
        std::printf("  - %s\n", v.c_str());
    if (found.count() > found.first().size())
        std::printf("  ... and %zu more\n", found.count() - found.first().size());
}

}  // namespace soak
