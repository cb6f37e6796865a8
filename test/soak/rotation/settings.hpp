// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The rotation soak's timing and sizes, shared by the driver (which runs the mock) and the
// replicas (which run the token providers), so that both sides agree on them.
//
// Tokens rotate every lifetime - margin = 4 s. A replica stops handing a token out `margin`
// before it expires, and the mock revokes it only when the second pair after it is minted, so a
// token handed out is valid when its auth.test arrives. A killed refresher holds its lease for
// at most `lease_duration`; its refresh token is then re-sent by another replica, inside the
// grace. PostgreSQL is paused for less than the store's query timeout and less than two thirds of
// the lease (the part a refresh's renewals guarantee), so a pause stalls the replicas but lets
// no second replica take a lease that is still needed.
#include <chrono>
#include <cstddef>

namespace soak::rotation {

using namespace std::chrono_literals;

// The mock's side.
inline constexpr std::chrono::seconds access_token_lifetime = 10s;
inline constexpr std::chrono::milliseconds refresh_grace = 10s;
/// Every refresh's answer is held this long after the pair is minted: a replica killed
/// meanwhile has spent its refresh token, and a lost answer is lost after it.
inline constexpr std::chrono::milliseconds refresh_delay = 200ms;

// The providers' side.
inline constexpr std::chrono::seconds refresh_margin = 6s;
inline constexpr std::chrono::milliseconds lease_duration = 6s;
inline constexpr std::chrono::milliseconds lease_poll = 100ms;
inline constexpr std::chrono::milliseconds wait_limit = 12s;
inline constexpr std::chrono::milliseconds token_timeout = 15s;
inline constexpr std::chrono::milliseconds call_timeout = 10s;  ///< the client's, for auth.test and refreshes

// The faults.
inline constexpr std::chrono::milliseconds postgres_pause = 2s;
/// After the stop request a replica finishes its askers and its pending writes within this.
inline constexpr std::chrono::seconds replica_stop_limit = 25s;

// The installations.
inline constexpr std::size_t installation_count = 50;
inline constexpr std::size_t org_wide_count = 10;          ///< Enterprise Grid org-wide installs
inline constexpr std::size_t inside_enterprise_count = 3;  ///< workspace installs in one of those enterprises
inline constexpr std::size_t rate_limited_count = 3;       ///< first refresh answered with a 429
inline constexpr std::size_t workspaces_per_org = 3;       ///< team ids an org-wide install is asked by

}  // namespace soak::rotation
