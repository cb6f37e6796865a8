// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Rate-limit tiers (server_options::rate_limits): a sliding window per workspace, method and,
// for some methods, channel, that turns away requests over the method's limit before they run.
// The counts tests read are guarded by a mutex: server::rate_counts may be called from any thread.
#include "mock/bounded_map.hpp"
#include "mock/reply.hpp"

#include <slack/mock/server.hpp>

#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace slack::mock::detail {

/// How many requests to `method` one workspace may make in a minute by the library's table of
/// Slack's tiers (rate_limits::slack_tiers()); 0: not limited.
unsigned slack_tier_of(std::string_view method);

class tier_enforcer {
public:
    explicit tier_enforcer(const server_options& options);

    /// Whether any method is limited: off, requests are neither limited nor counted.
    bool enabled() const noexcept { return enabled_; }
    bool per_channel(std::string_view method) const { return per_channel_.contains(method); }
    /// Counts one request; nullopt: serve it; else the 429 to send instead.
    std::optional<outgoing_reply> admit(std::string_view workspace, std::string_view method, std::string_view channel);
    rate_count counts(std::string_view workspace, std::string_view method) const;
    /// server::reset: every window and count forgotten.
    void clear();

private:
    unsigned limit_of(std::string_view method) const;
    rate_count& count_of(std::string_view workspace, std::string_view method);

    bool enabled_ = false;
    bool slack_tiers_ = false;
    clock::duration window_;
    std::map<std::string, unsigned, std::less<>> limits_;
    std::set<std::string, std::less<>> per_channel_;
    bounded_map<std::deque<clock::time_point>> served_;  // times of the requests served in the window
    bounded_map<rate_count> counts_;
    mutable std::mutex counts_mutex_;
    std::string key_;  // reused: no allocation per request
};

}  // namespace slack::mock::detail
