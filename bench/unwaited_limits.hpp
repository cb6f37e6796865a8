// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The table the limiter benchmarks pace by: Slack's tiers, with the benchmarked methods at a
// pace no request ever waits on, so that a figure is what asking the limiter costs, not pacing.
#include <slack/web/rate_limiter.hpp>

#include <initializer_list>
#include <string_view>

namespace bench {

inline slack::web::rate_limits unwaited_limits()
{
    auto limits = slack::web::rate_limits::slack_tiers();
    // A 100 µs interval with a burst no run uses up: every request is paced, none waits.
    for (std::string_view method : {"auth.test", "chat.postMessage", "oauth.access", "oauth.v2.access"})
        limits.set(method, {.per_minute = 600000, .burst = 100000000});
    return limits;
}

}  // namespace bench
