// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// GCRA (the generic cell rate algorithm) as a pure function: one key's state and one request in,
// the request's send time and the key's new state out. The local limiter keeps the state in a
// map; the Redis limiter keeps it in Redis and runs the same rule in Lua, so the rule is:
//
//   interval  = 60 s / per_minute         (per_minute 0: unpaced, interval 0, burst ignored)
//   tolerance = (burst - 1) * interval    (burst 0 counts as 1)
//   start     = max(now, blocked_until)   (a 429's Retry-After holds every request back)
//   send_at   = max(start, tat - tolerance)
//   if send_at > latest:  reserved = false, state unchanged
//   else:                 reserved = true,  tat = max(tat, send_at) + interval
//
// tat, "theoretical arrival time", is when the key's allowance is all spent at the steady
// pace; a quiet spell lets `now` run ahead of it, which is where a burst comes from.
#include <slack/web/rate_limiter.hpp>

#include <chrono>

namespace slack::web::detail {

/// One key's pacing state. Zero-initialized: never used, not blocked.
struct gcra_state {
    std::chrono::steady_clock::time_point tat{};            ///< Theoretical arrival time.
    std::chrono::steady_clock::time_point blocked_until{};  ///< Set by a 429's Retry-After.
};

/// The answer to one request.
struct gcra_decision {
    std::chrono::steady_clock::time_point send_at{};
    bool reserved = false;
    gcra_state state{};  ///< The key's state after the request (unchanged when not reserved).
};

/// The interval between two requests at `pace`'s steady rate (zero when unpaced).
std::chrono::nanoseconds gcra_interval(const rate_pace& pace) noexcept;

/// Decides one request at `now` that must go no later than `latest` (the rule above).
gcra_decision gcra(const gcra_state& state, const rate_pace& pace, std::chrono::steady_clock::time_point now,
                   std::chrono::steady_clock::time_point latest) noexcept;

/// `state` after a 429 that said to wait `retry_after` from `now` (an earlier, longer block holds).
gcra_state gcra_block(const gcra_state& state, std::chrono::steady_clock::time_point now,
                      std::chrono::milliseconds retry_after) noexcept;

}  // namespace slack::web::detail
