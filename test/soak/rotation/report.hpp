// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The rotation soak's printout, to paste into a closing note: what ran, what was injected, what
// the mock saw of the refreshes, how the replicas and every installation ended, what broke.
#include "rotation/end_checks.hpp"
#include "rotation/faults.hpp"
#include "rotation/final_check.hpp"
#include "rotation/refresh_audit.hpp"
#include "violations.hpp"

#include <slack/mock/server.hpp>

#include <cstddef>
#include <vector>

namespace soak::rotation {

struct run_facts {
    long long seconds = 0;
    std::size_t cycles = 0;
    std::size_t replicas = 0;
    std::size_t askers = 0;
    long long max_pause_ms = 0;
    double setup_s = 0, run_s = 0, stop_s = 0, final_s = 0;
    std::size_t recorded_requests = 0;
};

void print_report(const run_facts& facts, const fault_log& faults, const refresh_audit& audit,
                  const replica_totals& totals, const std::vector<installation_outcome>& ends, const violations& found);

}  // namespace soak::rotation
