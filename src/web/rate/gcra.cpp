// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/gcra.hpp"

#include <algorithm>

namespace slack::web::detail {

using std::chrono::nanoseconds;

nanoseconds gcra_interval(const rate_pace& pace) noexcept
{
    // Negative or non-finite figures (not a number, infinity) are treated as unpaced.
    if (!(pace.per_minute > 0) || !(pace.per_minute < 1e12))
        return nanoseconds(0);
    // At most a day between two requests: a tinier figure would overflow the nanoseconds.
    const double seconds = std::min(60.0 / pace.per_minute, 86400.0);
    return std::chrono::duration_cast<nanoseconds>(std::chrono::duration<double>(seconds));
}

gcra_decision gcra(const gcra_state& state, const rate_pace& pace, std::chrono::steady_clock::time_point now,
                   std::chrono::steady_clock::time_point latest) noexcept
{
    const nanoseconds interval = gcra_interval(pace);
    // In double first, then at most a year: interval * (burst - 1) may overflow 64 bits.
    const double burst_seconds = std::chrono::duration<double>(interval).count() * (std::max(pace.burst, 1u) - 1);
    const nanoseconds tolerance =
        std::chrono::duration_cast<nanoseconds>(std::chrono::duration<double>(std::min(burst_seconds, 365 * 86400.0)));
    const auto start = std::max(now, state.blocked_until);
    gcra_decision d{.send_at = std::max(start, state.tat - tolerance), .reserved = false, .state = state};
    if (d.send_at > latest)
        return d;
    d.reserved = true;
    d.state.tat = std::max(state.tat, d.send_at) + interval;
    return d;
}

gcra_state gcra_block(const gcra_state& state, std::chrono::steady_clock::time_point now,
                      std::chrono::milliseconds retry_after) noexcept
{
    gcra_state s = state;
    s.blocked_until = std::max(s.blocked_until, now + std::max(retry_after, std::chrono::milliseconds(0)));
    return s;
}

}  // namespace slack::web::detail
