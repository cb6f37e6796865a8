// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The rules every backend applies to keys and installations before touching its data.
#include <slack/store/installation_store.hpp>

#include <string_view>

namespace slack::store::detail {

/// A key names something: a team, or an enterprise.
inline bool usable(const installation_key& key) noexcept { return !key.enterprise_id.empty() || !key.team_id.empty(); }

/// A key names one grant of `kind`: a user grant needs its user.
inline bool usable(const installation_key& key, grant_kind kind) noexcept
{
    return usable(key) && (kind == grant_kind::bot || !key.user_id.empty());
}

/// list() yields at least one installation and at most max_page_size.
inline bool usable_page_size(std::size_t limit) noexcept { return limit >= 1 && limit <= max_page_size; }

/// An installation can be saved: an org-wide install names its enterprise, any other its team.
inline bool savable(const installation& i) noexcept
{
    return i.is_enterprise_install ? !i.enterprise_id.empty() : !i.team_id.empty();
}

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
