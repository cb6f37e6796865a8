// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How long a spent single-use value (an OAuth state, a signed lifecycle event) must stay recorded
// in the store. A verifier accepts it while floor(now) - created <= window, so until
// created + window + 1 s on its own clock, and a store treats a record whose expires_at <= now as
// gone, on the store's clock (the database's, for PostgreSQL). Forgetting it earlier lets it be
// replayed in the window's last moments.
#include <chrono>
#include <cstdint>

namespace slack::install::detail {

/// The clock difference tolerated between replicas, and between a replica and the store: as
/// much as a state may be dated ahead of its verifier.
inline constexpr std::chrono::seconds clock_skew_allowance{60};

/// When the record of a value created at `created` (whole seconds since the epoch) and accepted
/// for `window` after it may go: a second past the last instant a verifier accepts it, plus the
/// clock skew allowance.
inline std::chrono::system_clock::time_point remember_until(std::int64_t created, std::chrono::seconds window)
{
    return std::chrono::system_clock::time_point(std::chrono::seconds(created)) + window + std::chrono::seconds(1) +
           clock_skew_allowance;
}

}  // namespace slack::install::detail
