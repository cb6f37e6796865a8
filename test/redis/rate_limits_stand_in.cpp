// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// rate_limits as rate_limiter.hpp declares it, for the Redis tests only, until the limiter's own
// src/web/rate/rate_limits.cpp is on this branch (test/CMakeLists.txt builds this file only
// while that one is missing). The tests use set() and pace_of(), no tiers.
#include <slack/web/rate_limiter.hpp>

namespace slack::web {

rate_limits& rate_limits::set(std::string_view method, rate_pace pace)
{
    methods_.insert_or_assign(std::string(method), pace);
    return *this;
}

rate_limits& rate_limits::set(std::string_view workspace, std::string_view method, rate_pace pace)
{
    workspaces_.insert_or_assign(std::string(workspace) + '\n' + std::string(method), pace);
    return *this;
}

rate_limits& rate_limits::per_channel(std::string_view method)
{
    per_channel_.insert_or_assign(std::string(method), true);
    return *this;
}

rate_pace rate_limits::pace_of(const rate_key& key) const
{
    const std::string both = std::string(key.workspace) + '\n' + std::string(key.method);
    if (auto w = workspaces_.find(both); w != workspaces_.end())
        return w->second;
    if (auto m = methods_.find(key.method); m != methods_.end())
        return m->second;
    return {};
}

bool rate_limits::is_per_channel(std::string_view method) const { return per_channel_.contains(method); }

}  // namespace slack::web
