// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/tiers.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace slack::mock::detail {

namespace {

// From ../shared/slack/rate-tiers.json. Where Slack says "special" without a figure, the
// nearest tier: auth.test ("hundreds a minute") and oauth.v2.user.access as Tier 4;
// chat.postMessage ("about one a second per channel") as 60 a minute per channel.
constexpr std::array<std::pair<std::string_view, unsigned>, 11> slack_tiers{{
    {"api.test", tier4_per_minute},
    {"apps.uninstall", tier1_per_minute},
    {"auth.revoke", tier3_per_minute},
    {"auth.test", tier4_per_minute},
    {"chat.postMessage", 60},
    {"oauth.access", tier4_per_minute},
    {"oauth.v2.access", tier4_per_minute},
    {"oauth.v2.exchange", tier3_per_minute},
    {"oauth.v2.user.access", tier4_per_minute},
    {"openid.connect.token", tier4_per_minute},
    {"openid.connect.userInfo", tier3_per_minute},
}};

// What one window's entry costs beyond its key: a time per request it may hold.
std::size_t window_bytes(unsigned limit)
{
    return sizeof(std::deque<clock::time_point>) + limit * sizeof(clock::time_point);
}

}  // namespace

unsigned slack_tier_of(std::string_view method)
{
    for (const auto& [name, per_minute] : slack_tiers)
        if (name == method)
            return per_minute;
    return 0;
}

tier_enforcer::tier_enforcer(const server_options& options)
    : slack_tiers_(options.rate_limits.slack_tiers),
      window_(options.rate_limits.window),
      per_channel_(options.rate_limits.per_channel.begin(), options.rate_limits.per_channel.end()),
      served_(options.max_recorded_bytes),
      counts_(options.max_recorded_bytes)
{
    for (const method_limit& entry : options.rate_limits.methods)
        limits_.insert_or_assign(entry.method, entry.limit);
    enabled_ = slack_tiers_;
    for (const auto& [method, limit] : limits_)
        enabled_ = enabled_ || limit > 0;
}

unsigned tier_enforcer::limit_of(std::string_view method) const
{
    if (const auto found = limits_.find(method); found != limits_.end())
        return found->second;
    return slack_tiers_ ? slack_tier_of(method) : 0;
}

rate_count& tier_enforcer::count_of(std::string_view workspace, std::string_view method)
{
    key_.assign(workspace).append(1, '\n').append(method);
    if (rate_count* found = counts_.find(key_)) {
        counts_.refresh(key_);
        return *found;
    }
    return counts_.insert(key_, {}, key_.size());
}

std::optional<outgoing_reply> tier_enforcer::admit(std::string_view workspace, std::string_view method,
                                                   std::string_view channel)
{
    const unsigned limit = limit_of(method);
    const std::lock_guard lock(counts_mutex_);
    rate_count& count = count_of(workspace, method);
    if (limit == 0) {
        ++count.served;
        return std::nullopt;
    }
    key_.append(1, '\n').append(channel);
    std::deque<clock::time_point>* served = served_.find(key_);
    if (served)
        served_.refresh(key_);
    else
        served = &served_.insert(key_, {}, key_.size() + window_bytes(limit));
    const clock::time_point now = clock::now();
    while (!served->empty() && served->front() + window_ <= now)
        served->pop_front();
    if (served->size() >= limit) {
        ++count.limited;
        // The oldest request in the window leaves it first, freeing a slot.
        const auto wait = std::chrono::ceil<std::chrono::seconds>(served->front() + window_ - now);
        outgoing_reply reply = rate_limited_reply();
        reply.retry_after = std::to_string(std::max<std::chrono::seconds::rep>(wait.count(), 1));
        return reply;
    }
    served->push_back(now);
    ++count.served;
    return std::nullopt;
}

rate_count tier_enforcer::counts(std::string_view workspace, std::string_view method) const
{
    std::string key(workspace);
    key.append(1, '\n').append(method);
    const std::lock_guard lock(counts_mutex_);
    const rate_count* found = counts_.find(key);
    return found ? *found : rate_count{};
}

void tier_enforcer::clear()
{
    const std::lock_guard lock(counts_mutex_);
    served_.clear();
    counts_.clear();
}

}  // namespace slack::mock::detail
