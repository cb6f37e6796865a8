// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the mock's log says about every refresh: each refresh token (one rotation) should have
// been sent once; twice only when its first answer was lost (the provider re-sends once) or its
// sender was killed with the answer on its way (another replica re-sends after the lease). 429s
// are not sends: the mock refused them before rotating anything (one refused by an open
// rate-limit window is logged before its refresh token is read: it names none). Refresh tokens
// are kept in memory only; violations name a token by the log position of its first request.
#include "violations.hpp"

#include <slack/mock/server.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace soak::rotation {

/// Log positions [from, to) of the refreshes whose answers the mock held when a replica was killed.
struct kill_window {
    std::size_t from = 0, to = 0;
};

struct refresh_audit {
    std::size_t requests = 0;   ///< refresh requests received, 429s included
    std::size_t rotations = 0;  ///< refresh tokens sent (a 429 aside)
    std::size_t sent_once = 0;
    std::size_t twice_after_loss = 0;   ///< sent again after its answer was lost
    std::size_t twice_after_kill = 0;   ///< sent again after its sender was killed
    std::size_t twice_unexplained = 0;  ///< violations
    std::size_t more_than_twice = 0;    ///< violations
    std::size_t answers_429 = 0;
    std::size_t lost_answers = 0;
    std::set<std::string> double_lost;  ///< refresh tokens whose answer and re-send's answer were both lost
};

bool is_refresh(const slack::mock::recorded_request& r);

refresh_audit audit_refreshes(const std::vector<slack::mock::recorded_request>& log,
                              const std::vector<kill_window>& kills, violations& found);

/// The refresh tokens of the refreshes at or after log position `from` whose answers were lost, in order.
std::vector<std::string> lost_since(const std::vector<slack::mock::recorded_request>& log, std::size_t from);

}  // namespace soak::rotation
