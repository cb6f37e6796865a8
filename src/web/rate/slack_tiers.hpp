// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Slack's rate tiers, compiled in: the table of src/web/rate/slack_tiers.cpp, which
// scripts/gen-rate-tiers writes from data/rate_tiers.csv (see the script for the rules).
#include <span>

namespace slack::web::detail {

/// One method's figures (per_minute 0: Slack gives no figure; not paced).
struct slack_tier {
    const char* method;
    double per_minute;
    unsigned burst;
    bool per_channel;
};

/// Every method the table names, sorted by name.
std::span<const slack_tier> slack_tier_table() noexcept;

}  // namespace slack::web::detail
