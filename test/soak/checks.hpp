// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The checks made once the run is over, on what the driver recorded and what the mock saw.
#include "driver.hpp"
#include "plan.hpp"
#include "violations.hpp"

#include <cstddef>

namespace soak {

struct exchange_summary {
    std::size_t checked = 0;         ///< calls whose exchanges were compared with their outcome
    std::size_t requests = 0;        ///< requests with those calls' codes the mock saw
    std::size_t window_exposed = 0;  ///< calls that overlapped another call's rate-limit window
};

/// Every call completed, exactly once (twice is caught as it happens).
void check_completions(const run_record& run, violations& found);

/// Each call's code reached the mock as many times as its outcome allows.
exchange_summary check_exchanges(const plan& planned, const run_record& run, violations& found);

/// The client's events agree with the calls: attempts, failures the budget explains, and 429s:
/// each rate-limit code's own, plus, per window, at most one request per other connection
/// (sent before the client knew); a call that waited for a connection waits at the gate.
struct rate_limit_summary {
    std::size_t own_429s = 0;      ///< answers the rate-limit codes script
    std::size_t into_windows = 0;  ///< the other 429s: requests that met a window
    std::size_t allowed_into_windows = 0;
};
rate_limit_summary check_events(const plan& planned, const run_record& run, const event_counts& events,
                                std::size_t max_connections, violations& found);

/// Connections back within bounds and idle at the end.
void check_pool(const run_record& run, std::size_t max_connections, violations& found);

/// The RSS that may not be exceeded at the end: `growth` above RSS after warm-up, plus `slack_bytes`.
std::size_t memory_limit(const run_record& run, double growth, std::size_t slack_bytes);
void check_memory(const run_record& run, std::size_t limit, violations& found);

}  // namespace soak
