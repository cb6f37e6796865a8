#pragma once
// The rules every backend applies to keys and installations before touching its data.
#include <slack/store/installation.hpp>

namespace slack::store::detail {

/// A key names something: a team, or an enterprise.
inline bool usable(const installation_key& key) noexcept
{
    return !key.enterprise_id.empty() || !key.team_id.empty();
}

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

}  // namespace slack::store::detail
