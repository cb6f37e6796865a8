// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The soak's printout: what ran, how it ended, what it measured, what broke.
#include "checks.hpp"
#include "driver.hpp"
#include "plan.hpp"
#include "violations.hpp"

#include <slack/mock/server.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace soak {

struct run_summary {
    std::size_t calls = 0;
    std::size_t in_flight = 0;
    std::size_t max_connections = 0;
    std::string layout;
    std::uint64_t seed = 0;
    std::size_t deadline_s = 0;
    std::size_t warm_up_calls = 0;
    std::size_t rss_at_start = 0;
    std::size_t rss_limit = 0;
    slack::mock::memory_use mock_memory{};
    std::size_t sockets_at_end = 0;  ///< after close_idle() and the mock's stop
};

void print_report(const run_summary& summary, const plan& planned, const run_record& run, const event_counts& events,
                  const rate_limit_summary& limits, const exchange_summary& exchanges, const violations& found);

}  // namespace soak
