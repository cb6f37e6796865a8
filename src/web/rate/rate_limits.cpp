// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// rate_limits: the table a limiter paces by (Slack's tiers, then the app's own figures).
#include "web/rate/slack_tiers.hpp"

#include <slack/web/rate_limiter.hpp>

namespace slack::web {

rate_limits rate_limits::slack_tiers()
{
    rate_limits limits;
    for (const detail::slack_tier& row : detail::slack_tier_table()) {
        if (row.per_minute > 0)
            limits.set(row.method, rate_pace{.per_minute = row.per_minute, .burst = row.burst});
        if (row.per_channel)
            limits.per_channel(row.method);
    }
    return limits;
}

rate_limits& rate_limits::set(std::string_view method, rate_pace pace)
{
    methods_.insert_or_assign(std::string(method), pace);
    return *this;
}

rate_limits& rate_limits::set(std::string_view workspace, std::string_view method, rate_pace pace)
{
    auto found = workspaces_.find(workspace);
    if (found == workspaces_.end())
        found = workspaces_.emplace(std::string(workspace), method_paces{}).first;
    found->second.insert_or_assign(std::string(method), pace);
    return *this;
}

rate_limits& rate_limits::per_channel(std::string_view method)
{
    per_channel_.emplace(method);
    return *this;
}

rate_pace rate_limits::pace_of(const rate_key& key) const
{
    // Lookups by string_view: nothing is allocated on the call path.
    if (const auto ws = workspaces_.find(key.workspace); ws != workspaces_.end())
        if (const auto found = ws->second.find(key.method); found != ws->second.end())
            return found->second;
    if (const auto found = methods_.find(key.method); found != methods_.end())
        return found->second;
    return {};
}

bool rate_limits::is_per_channel(std::string_view method) const { return per_channel_.contains(method); }

}  // namespace slack::web
