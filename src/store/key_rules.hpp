// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What every backend makes of a key. The argument checks are installation_store's
// (src/store/installation_store.cpp): a backend sees only keys that passed them.
#include <slack/store/installation_store.hpp>

#include <string_view>

namespace slack::store::detail {

/// Where a lookup falls back to when nothing is stored under `key` itself: the enterprise's
/// org-wide install. False when there is no such fallback.
inline bool has_org_fallback(const installation_key& key) noexcept
{
    return !key.enterprise_id.empty() && !key.team_id.empty();
}

/// The user part of a grant's refresh lease: a bot grant belongs to no user, so every key that
/// finds it shares one lease whatever its user_id.
inline std::string_view lease_user(const installation_key& key, grant_kind kind) noexcept
{
    return kind == grant_kind::user ? std::string_view(key.user_id) : std::string_view();
}

}  // namespace slack::store::detail
