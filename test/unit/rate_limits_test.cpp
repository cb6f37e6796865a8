// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack::web::rate_limits: Slack's tiers as compiled in (data/rate_tiers.csv), and overrides.
#include "web/rate/slack_tiers.hpp"

#include <slack/web/rate_limiter.hpp>

#include <boost/test/unit_test.hpp>

#include <string_view>

namespace {

using slack::web::rate_key;
using slack::web::rate_limits;
using slack::web::rate_pace;

double per_minute(const rate_limits& limits, std::string_view method, std::string_view workspace = "T1")
{
    return limits.pace_of(rate_key{.workspace = workspace, .method = method}).per_minute;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rate_limits_table)

BOOST_AUTO_TEST_CASE(slack_tiers_figures)
{
    const rate_limits tiers = rate_limits::slack_tiers();
    BOOST_TEST(per_minute(tiers, "users.list") == 20);          // tier 2
    BOOST_TEST(per_minute(tiers, "conversations.info") == 50);  // tier 3
    BOOST_TEST(per_minute(tiers, "users.info") == 100);         // tier 4
    BOOST_TEST(per_minute(tiers, "rtm.connect") == 1);          // tier 1
    // Java SDK tier 1, Slack's docs tier 3: the lower allowance.
    BOOST_TEST(per_minute(tiers, "apps.connections.open") == 1);
    // Java SDK tier 2, Slack's docs tier 3.
    BOOST_TEST(per_minute(tiers, "users.conversations") == 20);
    // Java SDK tier 4, docs special with no figure: the figure stands.
    BOOST_TEST(per_minute(tiers, "oauth.v2.access") == 100);
    // Special: about one a second per channel.
    const rate_pace post = tiers.pace_of(rate_key{.workspace = "T1", .method = "chat.postMessage", .channel = "C1"});
    BOOST_TEST(post.per_minute == 60);
    BOOST_TEST(tiers.is_per_channel("chat.postMessage"));
    BOOST_TEST(!tiers.is_per_channel("users.list"));
    // Special with no figure of Slack's, and methods the table does not name: unpaced.
    BOOST_TEST(per_minute(tiers, "auth.test") == 0);
    BOOST_TEST(per_minute(tiers, "no.such.method") == 0);
    BOOST_TEST(tiers.pace_of(rate_key{.method = "users.list"}).burst >= 1u);
}

BOOST_AUTO_TEST_CASE(generated_table_is_sorted_and_unique)
{
    const auto table = slack::web::detail::slack_tier_table();
    BOOST_TEST(table.size() > 300u);
    // Compared here, not by BOOST_TEST: Boost.Test orders its strings by length first.
    bool ascending = true;
    for (std::size_t i = 1; i < table.size(); ++i)
        ascending = ascending && std::string_view(table[i - 1].method) < std::string_view(table[i].method);
    BOOST_TEST(ascending);
}

BOOST_AUTO_TEST_CASE(overrides_per_method_and_per_workspace)
{
    rate_limits limits = rate_limits::slack_tiers();
    limits.set("users.list", rate_pace{.per_minute = 5, .burst = 2})
        .set("T2", "users.list", rate_pace{.per_minute = 200, .burst = 1})
        .set("chat.postMessage", rate_pace{})  // opt-out
        .per_channel("assistant.threads.setStatus");
    BOOST_TEST(per_minute(limits, "users.list", "T1") == 5);
    BOOST_TEST(limits.pace_of(rate_key{.workspace = "T1", .method = "users.list"}).burst == 2u);
    BOOST_TEST(per_minute(limits, "users.list", "T2") == 200);
    BOOST_TEST(per_minute(limits, "users.info", "T2") == 100);  // T2's other methods keep the tier
    BOOST_TEST(per_minute(limits, "chat.postMessage") == 0);
    BOOST_TEST(limits.is_per_channel("assistant.threads.setStatus"));
    // A default-made table paces nothing.
    BOOST_TEST(per_minute(rate_limits{}, "users.list") == 0);
}

BOOST_AUTO_TEST_SUITE_END()
