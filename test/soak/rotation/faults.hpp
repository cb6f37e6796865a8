// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The faults the driver injects, once per cycle of the run, at fixed fractions of it:
//   15%, 22%  one refresh answer lost: the provider re-sends once and keeps the pair
//   30%       a replica killed (SIGKILL) while a refresh of its own is in flight, started again 1 s later
//   58%       PostgreSQL paused (SIGSTOP) for settings' postgres_pause, then resumed
//   75%       both answers of one grant's next refresh lost: the refresh's and its re-send's (the
//             grant is marked for reinstall); an org-wide install in even cycles, a workspace's in odd
// (429s come from the rate-limited installations' first refresh, at the start.) Each fault is
// over before the next: a re-send never meets another fault.
#include "rotation/refresh_audit.hpp"
#include "rotation/run_context.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

namespace soak::rotation {

struct kill_record {
    std::string victim{}, restarted_as{};
    double at_s = 0;
    int refreshes_in_flight = 0;  ///< as its stderr said when it was killed
    kill_window window;
};

struct fault_log {
    std::vector<std::string> timeline;  ///< "12.3 s: what", for the report
    std::size_t single_losses = 0;
    std::vector<std::size_t> double_loss_targets;  ///< installations whose refresh lost both answers
    std::size_t pauses = 0;
    std::vector<kill_record> kills;
    void note(double at_s, const std::string& what);
};

/// Runs the cycles; returns at the end of the run. Throws what the PostgreSQL script or a spawn throws.
boost::asio::awaitable<void> inject_faults(run_context& run, fault_log& log);

}  // namespace soak::rotation
