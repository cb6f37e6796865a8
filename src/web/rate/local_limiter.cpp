// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/rate/local_limiter.hpp"

#include "detail/start_operation.hpp"

#include <algorithm>

namespace slack::web {

namespace detail {

namespace {

using time_point = std::chrono::steady_clock::time_point;

constexpr std::size_t min_keys_before_pruning = 64;

}  // namespace

local_limiter::local_limiter(boost::asio::any_io_executor executor, rate_limits limits)
    : executor_(std::move(executor)), limits_(std::move(limits)), prune_at_(min_keys_before_pruning)
{
}

void local_limiter::block(const rate_key& key, std::chrono::milliseconds retry_after)
{
    const time_point now = std::chrono::steady_clock::now();
    const std::lock_guard lock(mutex_);
    gcra_state& state = state_of(key, now);
    state = gcra_block(state, now, retry_after);
}

std::size_t local_limiter::key_count()
{
    const std::lock_guard lock(mutex_);
    return states_.size();
}

void local_limiter::do_acquire(const rate_key& key, time_point latest,
                               boost::asio::any_completion_handler<rate_signature> handler)
{
    const rate_pace pace = limits_.pace_of(key);
    const time_point now = std::chrono::steady_clock::now();
    rate_grant grant;
    {
        const std::lock_guard lock(mutex_);
        gcra_state& state = state_of(key, now);
        const gcra_decision d = gcra(state, pace, now, latest);
        state = d.state;
        grant.send_at = d.send_at;
        grant.reserved = d.reserved;
    }
    slack::detail::complete_posted(executor_, std::move(handler), boost::system::result<rate_grant>(grant));
}

// Called with mutex_ held.
gcra_state& local_limiter::state_of(const rate_key& key, time_point now)
{
    // Each part after its length: no workspace, method or channel, whatever it holds, can make
    // two keys one.
    key_.assign(key.process_local ? "L" : "S");
    for (std::string_view part : {key.workspace, key.method, key.channel}) {
        const std::size_t size = part.size();
        key_.append(reinterpret_cast<const char*>(&size), sizeof size).append(part);
    }
    if (const auto found = states_.find(key_); found != states_.end())
        return found->second;
    if (states_.size() >= prune_at_) {
        std::erase_if(states_,
                      [&](const auto& entry) { return entry.second.tat <= now && entry.second.blocked_until <= now; });
        prune_at_ = std::max(min_keys_before_pruning, 2 * states_.size());
    }
    return states_.emplace(key_, gcra_state{}).first->second;
}

}  // namespace detail

std::shared_ptr<rate_limiter> make_local_limiter(boost::asio::any_io_executor executor, rate_limits limits)
{
    return std::make_shared<detail::local_limiter>(std::move(executor), std::move(limits));
}

}  // namespace slack::web
