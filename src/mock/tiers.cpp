// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/tiers.hpp"

#include "web/rate/slack_tiers.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace slack::mock::detail {

namespace {

// What one window's entry costs beyond its key: a time per request it may hold.
std::size_t window_bytes(unsigned limit)
{
    return sizeof(std::deque<clock::time_point>) + limit * sizeof(clock::time_point);
}

// The table's row for `method`, if it names it (the table is sorted by name).
const web::detail::slack_tier* slack_tier_row(std::string_view method)
{
    const auto table = web::detail::slack_tier_table();
    const auto found = std::lower_bound(table.begin(), table.end(), method, [](const auto& row, std::string_view name) {
        return std::string_view(row.method) < name;
    });
    return found != table.end() && found->method == method ? &*found : nullptr;
}

}  // namespace

// The library's table (rate_limits::slack_tiers()), so that the mock and the client's limiter
// agree: as many requests per minute as a client paced by it may send in one minute, its burst
// and then its rate (GCRA), so that a paced client is never refused.
unsigned slack_tier_of(std::string_view method)
{
    const web::detail::slack_tier* row = slack_tier_row(method);
    if (!row || row->per_minute <= 0)
        return 0;
    return static_cast<unsigned>(std::ceil(row->per_minute)) + std::max(row->burst, 1u) - 1;
}

tier_enforcer::tier_enforcer(const server_options& options)
    : slack_tiers_(options.rate_limits.slack_tiers),
      window_(options.rate_limits.window),
      per_channel_(options.rate_limits.per_channel.begin(), options.rate_limits.per_channel.end()),
      served_(options.max_recorded_bytes),
      counts_(options.max_recorded_bytes)
{
    if (slack_tiers_)  // the methods the library counts per channel, besides the options' own
        for (const web::detail::slack_tier& row : web::detail::slack_tier_table())
            if (row.per_channel)
                per_channel_.emplace(row.method);
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
