// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "checks.hpp"

#include "expectations.hpp"
#include "process_usage.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace soak {

namespace {

struct window_call {
    std::size_t id;
    std::int64_t from_us, to_us;  // its window opened and closed within its own lifetime
};

std::vector<window_call> window_calls(const plan& planned, const run_record& run)
{
    std::vector<window_call> windows;
    for (std::size_t id = 0; id < planned.calls.size(); ++id)
        if (planned.calls[id].kind == fault::window)
            windows.push_back({id, run.calls[id].started_us, run.calls[id].finished_us});
    return windows;
}

// A call that ran while another call's window was open may have been answered 429 once more.
unsigned windows_overlapping(const std::vector<window_call>& windows, std::size_t id, const call_record& call)
{
    unsigned overlapping = 0;
    for (const window_call& w : windows)
        overlapping += w.id != id && call.started_us <= w.to_us && w.from_us <= call.finished_us;
    return overlapping;
}

std::string format(const char* pattern, auto... values)
{
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, pattern, values...);
    return buffer;
}

}  // namespace

void check_completions(const run_record& run, violations& found)
{
    std::size_t missing = 0;
    for (std::size_t id = 0; id < run.calls.size(); ++id) {
        if (run.calls[id].completions == 0) {
            if (missing < 5)
                found.add(format("call %zu never completed", id));
            ++missing;
        }
    }
    if (missing > 5)
        found.add(format("%zu calls never completed in all", missing));
}

exchange_summary check_exchanges(const plan& planned, const run_record& run, violations& found)
{
    exchange_summary summary;
    const std::vector<window_call> windows = window_calls(planned, run);
    for (std::size_t id = 0; id < run.calls.size(); ++id) {
        const call_record& call = run.calls[id];
        const fault kind = planned.calls[id].kind;
        const auto allowed = expected(kind, call.result);
        if (call.completions == 0 || !allowed)
            continue;  // already a violation
        const unsigned seen = run.exchanges[id];
        const unsigned extra = windows_overlapping(windows, id, call);
        ++summary.checked;
        summary.requests += seen;
        summary.window_exposed += extra > 0;
        if (seen < allowed->min_exchanges || seen > allowed->max_exchanges + extra)
            found.add(format("call %zu (%s, %s): the mock saw its code %u times; allowed %u to %u", id,
                             std::string(to_string(kind)).c_str(), std::string(to_string(call.result)).c_str(), seen,
                             allowed->min_exchanges, allowed->max_exchanges + extra));
    }
    return summary;
}

rate_limit_summary check_events(const plan& planned, const run_record& run, const event_counts& events,
                                std::size_t max_connections, violations& found)
{
    std::size_t attempts = 0, refusals = 0;
    for (std::size_t id = 0; id < run.calls.size(); ++id) {
        attempts += run.calls[id].attempts;
        const auto allowed = expected(planned.calls[id].kind, run.calls[id].result);
        refusals += allowed && allowed->budget_refusal;
    }
    if (attempts != events.attempts_started)
        found.add(format("diagnostics count %zu attempts, the client's events %zu", attempts, events.attempts_started));
    if (refusals != events.budget_refusals)
        found.add(format("%zu calls failed where a retry was due, the client refused %zu retries for its budget",
                         refusals, events.budget_refusals));

    rate_limit_summary limits;
    const std::size_t windows = planned.count(fault::window);
    limits.own_429s = planned.count(fault::ratelimit) + windows;
    limits.into_windows = events.answers_429 - std::min(events.answers_429, limits.own_429s);
    limits.allowed_into_windows = windows * (max_connections - 1);
    if (events.answers_429 < limits.own_429s)
        found.add(format("%zu attempts were answered 429, fewer than the %zu the rate-limit codes script",
                         events.answers_429, limits.own_429s));
    if (limits.into_windows > limits.allowed_into_windows)
        found.add(
            format("%zu requests were sent into a rate-limit window; at most %zu (one per other connection per "
                   "window) can have been on their way when the gate closed (a call that waited for a "
                   "connection must still wait at the gate)",
                   limits.into_windows, limits.allowed_into_windows));
    return limits;
}

void check_pool(const run_record& run, std::size_t max_connections, violations& found)
{
    const slack::web::pool_stats& end = run.pool.at_end;
    if (end.open > max_connections || end.open != end.idle || end.queued != 0)
        found.add(format("at the end the pool has %zu open, %zu idle, %zu queued (bound %zu): not all idle", end.open,
                         end.idle, end.queued, max_connections));
    if (run.pool.open_after_close_idle != 0)
        found.add(format("%zu connections still open after close_idle()", run.pool.open_after_close_idle));
}

std::size_t memory_limit(const run_record& run, double growth, std::size_t slack_bytes)
{
    return static_cast<std::size_t>(static_cast<double>(run.rss_after_warm_up) * (1.0 + growth)) + slack_bytes;
}

void check_memory(const run_record& run, std::size_t limit, violations& found)
{
    if (run.rss_at_end > limit)
        found.add(format("RSS grew from %.1f MB after warm-up to %.1f MB at the end (limit %.1f MB)",
                         megabytes(run.rss_after_warm_up), megabytes(run.rss_at_end), megabytes(limit)));
}

}  // namespace soak
