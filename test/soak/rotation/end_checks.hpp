// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The checks made once the run is over, on what the replicas said and on how every installation
// ended, against what the mock's log says was injected. Each broken promise is a violation.
#include "rotation/final_check.hpp"
#include "rotation/installations.hpp"
#include "rotation/processes.hpp"
#include "rotation/refresh_audit.hpp"
#include "rotation/replica_summary.hpp"
#include "violations.hpp"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace soak::rotation {

/// Every replica's summary added up.
struct replica_totals {
    std::size_t replicas = 0, killed = 0, summaries = 0;
    std::size_t asked = 0, served = 0, checked = 0, bad_tokens = 0;
    std::map<std::string, std::size_t> tolerated;   ///< token() errors a fault explains (timeout...)
    std::map<std::string, std::size_t> unexpected;  ///< any other token() error
    std::map<std::string, std::size_t> unchecked;   ///< auth.test failures that say nothing of the token
    std::size_t reinstall_required = 0;
    std::map<std::string, std::size_t> stats, events;
    long long slowest_stop_ms = 0;
    std::map<std::size_t, std::set<std::string>> users;  ///< by installation
};

/// Reads each replica's summary and checks it: a clean exit (but the killed), a complete summary,
/// no token auth.test refused, no unexpected token() error, no pair left unwritten, and
/// reinstall_required only for installations that ended marked.
replica_totals check_replicas(std::deque<replica_process>& replicas, const std::vector<installation_outcome>& ends,
                              violations& found);

/// Every installation ends usable or marked for reinstall; marked exactly where a refresh token's
/// two answers were lost; each installation's tokens are its own (auth.test names one user for it,
/// two for a rate-limited one, whose first refresh made a new installation in the mock).
void check_installation_ends(const std::vector<soak_installation>& installations,
                             const std::vector<installation_outcome>& ends, const refresh_audit& audit,
                             const replica_totals& totals, violations& found);

/// The installations marked for reinstall are exactly those whose refresh lost both answers.
void check_double_loss_targets(const std::vector<std::size_t>& targets, const std::vector<installation_outcome>& ends,
                               violations& found);

}  // namespace soak::rotation
