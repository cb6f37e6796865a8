// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock's rate-limit tiers (server_options::rate_limits): requests over a method's limit
// per workspace get HTTP 429 with a Retry-After and are not processed; workspaces, methods and
// channels are counted apart; the window frees up; rate_counts() counts both. Off by default.
// Tokens are compared inside BOOST_TEST((...)) or not at all, so that no failure prints one.
#include "integration/mock_requests.hpp"

#include <slack/web/rate_limiter.hpp>

#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <cmath>
#include <thread>

using namespace slack::test;
namespace json = boost::json;
namespace mock = slack::mock;

namespace {

const std::string form_type = "application/x-www-form-urlencoded";

mock::server_options limited(std::vector<mock::method_limit> methods, std::chrono::milliseconds window = 60s)
{
    mock::server_options options;
    options.rate_limits.methods = std::move(methods);
    options.rate_limits.window = window;
    return options;
}

struct tiers_mock : mock_fixture {
    explicit tiers_mock(mock::server_options options) : mock_fixture(std::move(options)) {}

    raw_reply post(const std::string& method, const std::string& form, const std::string& token = {})
    {
        return send(*this, http::verb::post, "/api/" + method, form.empty() ? "" : form_type, form,
                    token.empty() ? "" : "Bearer " + token);
    }
    raw_reply auth_test(const std::string& token) { return post("auth.test", {}, token); }

    std::string client() const
    {
        return "client_id=" + server.options().client_id + "&client_secret=" + server.options().client_secret;
    }

    /// Lets the io_context run for `duration`: the server idles meanwhile.
    void pause(std::chrono::milliseconds duration)
    {
        asio::steady_timer timer(ioc, duration);
        bool done = false;
        timer.async_wait([&](auto) { done = true; });
        run_until([&] { return done; }, duration + 5s);
    }
};

bool is_ok(const raw_reply& r)
{
    if (r.status != 200)
        return false;
    const json::object o = json::parse(r.body).as_object();
    return o.contains("ok") && o.at("ok").as_bool();
}

bool is_rate_limited(const raw_reply& r) { return r.status == 429 && slack_error(r) == "ratelimited"; }

unsigned retry_after(const raw_reply& r) { return r.retry_after.empty() ? 0 : std::stoul(r.retry_after); }

// What a client paced by the library's table may send in one minute (its burst, then its
// rate): the mock's tier for `method`, so that the two cannot disagree.
unsigned library_tier(const std::string& method)
{
    const slack::web::rate_pace pace = slack::web::rate_limits::slack_tiers().pace_of({.method = method});
    return static_cast<unsigned>(std::ceil(pace.per_minute)) + pace.burst - 1;
}

std::string team_of(const raw_reply& r)
{
    return std::string(json::parse(r.body).as_object().at("team_id").as_string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mock_tiers)

BOOST_AUTO_TEST_CASE(calls_within_the_limit_succeed_and_the_next_gets_429_with_retry_after)
{
    tiers_mock fx(limited({{"auth.test", 2}}));
    const std::string token = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_ok(fx.auth_test(token)));
    const raw_reply refused = fx.auth_test(token);
    BOOST_TEST(is_rate_limited(refused));
    // A slot frees when the first call leaves the 60 s window: a whole minute from now, rounded up.
    BOOST_TEST(retry_after(refused) >= 59u);
    BOOST_TEST(retry_after(refused) <= 60u);
    const mock::rate_count counted = fx.server.rate_counts("T0MOCKTEAM", "auth.test");
    BOOST_TEST(counted.served == 2u);
    BOOST_TEST(counted.limited == 1u);
    BOOST_TEST(fx.server.requests().back().status == 429u);
}

BOOST_AUTO_TEST_CASE(by_default_nothing_is_limited_or_counted)
{
    tiers_mock fx(mock::server_options{});
    const std::string token = fx.server.mint_tokens().access_token;
    for (int i = 0; i < 5; ++i)
        BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.test").served == 0u);
}

BOOST_AUTO_TEST_CASE(two_workspaces_are_counted_apart)
{
    tiers_mock fx(limited({{"auth.test", 1}}));
    const std::string first = fx.server.mint_tokens({.team_id = "T0FIRST"}).access_token;
    const std::string second = fx.server.mint_tokens({.team_id = "T0SECOND"}).access_token;
    const raw_reply answered = fx.auth_test(first);
    BOOST_TEST(is_ok(answered));
    BOOST_TEST(team_of(answered) == "T0FIRST");
    BOOST_TEST(is_rate_limited(fx.auth_test(first)));
    BOOST_TEST(is_ok(fx.auth_test(second)));
    BOOST_TEST(is_rate_limited(fx.auth_test(second)));
    // Two tokens of one workspace share its allowance, as at Slack.
    const std::string same_team = fx.server.mint_tokens({.team_id = "T0FIRST"}).access_token;
    BOOST_TEST(is_rate_limited(fx.auth_test(same_team)));
    BOOST_TEST(fx.server.rate_counts("T0FIRST", "auth.test").served == 1u);
    BOOST_TEST(fx.server.rate_counts("T0FIRST", "auth.test").limited == 2u);
    BOOST_TEST(fx.server.rate_counts("T0SECOND", "auth.test").served == 1u);
    BOOST_TEST(fx.server.rate_counts("T0SECOND", "auth.test").limited == 1u);
    // A token the mock does not know is a workspace of its own (and is refused as Slack would).
    BOOST_TEST(slack_error(fx.auth_test("xoxb-unknown")) == "invalid_auth");
    BOOST_TEST(fx.server.rate_counts("xoxb-unknown", "auth.test").served == 1u);
}

BOOST_AUTO_TEST_CASE(two_methods_are_counted_apart)
{
    tiers_mock fx(limited({{"auth.test", 1}, {"api.test", 1}}));
    const std::string token = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_ok(fx.post("api.test", {}, token)));
    BOOST_TEST(is_rate_limited(fx.auth_test(token)));
    BOOST_TEST(is_rate_limited(fx.post("api.test", {}, token)));
    // A method without a limit is served and counted, never refused.
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(is_ok(fx.post("auth.revoke", "test=true", token)));
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "api.test").served == 1u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "api.test").limited == 1u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.revoke").served == 3u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.revoke").limited == 0u);
}

BOOST_AUTO_TEST_CASE(the_window_frees_up)
{
    tiers_mock fx(limited({{"auth.test", 2}}, 1s));
    const std::string token = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_ok(fx.auth_test(token)));
    const raw_reply refused = fx.auth_test(token);
    BOOST_TEST(is_rate_limited(refused));
    BOOST_TEST(retry_after(refused) == 1u);  // under a second left, rounded up
    fx.pause(1100ms);
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_rate_limited(fx.auth_test(token)));
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.test").served == 4u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.test").limited == 2u);
}

BOOST_AUTO_TEST_CASE(a_code_exchange_turned_away_leaves_the_code_unspent)
{
    tiers_mock fx(limited({{"oauth.v2.access", 1}}, 1s));
    const std::string first = fx.server.mint_code({.method = "oauth.v2.access"});
    const std::string second = fx.server.mint_code({.method = "oauth.v2.access"});
    BOOST_TEST(is_ok(fx.post("oauth.v2.access", fx.client() + "&code=" + first)));
    // Minted codes are the mock's team's: the second draws on the same allowance.
    BOOST_TEST(is_rate_limited(fx.post("oauth.v2.access", fx.client() + "&code=" + second)));
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "oauth.v2.access").limited == 1u);
    fx.pause(1100ms);
    BOOST_TEST(is_ok(fx.post("oauth.v2.access", fx.client() + "&code=" + second)));
}

BOOST_AUTO_TEST_CASE(slack_tiers_limit_the_methods_the_mock_serves_with_no_side_effect)
{
    mock::server_options options;
    options.rate_limits.slack_tiers = true;
    tiers_mock fx(std::move(options));
    // apps.uninstall is Tier 1: one a minute per workspace.
    const std::string first = fx.server.mint_tokens().access_token;
    const std::string second = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.post("apps.uninstall", fx.client(), first)));
    const raw_reply refused = fx.post("apps.uninstall", fx.client(), second);
    BOOST_TEST(is_rate_limited(refused));
    BOOST_TEST(retry_after(refused) >= 59u);
    BOOST_TEST(!fx.server.token_active(first));
    BOOST_TEST(fx.server.token_active(second));  // the refused call uninstalled nothing
    // auth.test is far from its tier after one call.
    BOOST_TEST(is_ok(fx.auth_test(second)));
}

BOOST_AUTO_TEST_CASE(a_limit_of_ones_own_wins_over_slack_tiers_and_zero_opts_out)
{
    mock::server_options options = limited({{"apps.uninstall", 0}, {"auth.test", 1}});
    options.rate_limits.slack_tiers = true;
    tiers_mock fx(std::move(options));
    BOOST_TEST(is_ok(fx.post("apps.uninstall", fx.client(), fx.server.mint_tokens().access_token)));
    BOOST_TEST(is_ok(fx.post("apps.uninstall", fx.client(), fx.server.mint_tokens().access_token)));
    const std::string token = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_rate_limited(fx.auth_test(token)));
}

BOOST_AUTO_TEST_CASE(chat_post_message_is_counted_per_channel_and_a_refused_one_never_reaches_its_handler)
{
    tiers_mock fx(limited({{"chat.postMessage", 1}}));
    int handled = 0;
    fx.server.handle("chat.postMessage", [&](const mock::method_request&) {
        ++handled;
        return mock::method_answer::ok();
    });
    const std::string token = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.post("chat.postMessage", "channel=C1&text=a", token)));
    BOOST_TEST(is_rate_limited(fx.post("chat.postMessage", "channel=C1&text=b", token)));
    // A JSON body names its channel too.
    const raw_reply other = send(fx, http::verb::post, "/api/chat.postMessage", "application/json",
                                 R"({"channel":"C2","text":"c"})", "Bearer " + token);
    BOOST_TEST(is_ok(other));
    const raw_reply again = send(fx, http::verb::post, "/api/chat.postMessage", "application/json",
                                 R"({"channel":"C2","text":"d"})", "Bearer " + token);
    BOOST_TEST(is_rate_limited(again));
    BOOST_TEST(handled == 2);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "chat.postMessage").served == 2u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "chat.postMessage").limited == 2u);
}

BOOST_AUTO_TEST_CASE(slack_tiers_come_from_the_librarys_table_for_a_method_one_registers)
{
    // conversations.list was not among the mock's own methods; the library paces it (Tier 2).
    mock::server_options options;
    options.rate_limits.slack_tiers = true;
    tiers_mock fx(std::move(options));
    fx.server.handle("conversations.list", [](const mock::method_request&) { return mock::method_answer::ok(); });
    const unsigned tier = library_tier("conversations.list");
    BOOST_TEST_REQUIRE(tier >= 20u);
    const std::string token = fx.server.mint_tokens().access_token;
    unsigned served = 0;
    while (served < tier && is_ok(fx.post("conversations.list", {}, token)))
        ++served;
    BOOST_TEST(served == tier);
    BOOST_TEST(is_rate_limited(fx.post("conversations.list", {}, token)));
}

BOOST_AUTO_TEST_CASE(slack_tiers_count_per_channel_the_methods_the_library_counts_so)
{
    mock::server_options options;
    options.rate_limits.slack_tiers = true;
    options.rate_limits.per_channel.clear();  // the library's table alone names chat.postMessage
    tiers_mock fx(std::move(options));
    fx.server.handle("chat.postMessage", [](const mock::method_request&) { return mock::method_answer::ok(); });
    BOOST_TEST_REQUIRE(slack::web::rate_limits::slack_tiers().is_per_channel("chat.postMessage"));
    const unsigned tier = library_tier("chat.postMessage");
    const std::string token = fx.server.mint_tokens().access_token;
    unsigned served = 0;
    while (served < tier && is_ok(fx.post("chat.postMessage", "channel=C1&text=a", token)))
        ++served;
    BOOST_TEST(served == tier);
    BOOST_TEST(is_rate_limited(fx.post("chat.postMessage", "channel=C1&text=a", token)));
    BOOST_TEST(is_ok(fx.post("chat.postMessage", "channel=C2&text=a", token)));  // another channel's count
}

BOOST_AUTO_TEST_CASE(reset_forgets_windows_and_counts)
{
    tiers_mock fx(limited({{"auth.test", 1}}));
    const std::string token = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.auth_test(token)));
    BOOST_TEST(is_rate_limited(fx.auth_test(token)));
    fx.server.reset();
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.test").served == 0u);
    const std::string fresh = fx.server.mint_tokens().access_token;
    BOOST_TEST(is_ok(fx.auth_test(fresh)));
}

BOOST_AUTO_TEST_CASE(rate_counts_may_be_read_from_another_thread_while_the_server_serves)
{
    tiers_mock fx(limited({{"auth.test", 3}}));
    const std::string token = fx.server.mint_tokens().access_token;
    std::atomic<bool> done{false};
    std::size_t most = 0;  // the reader's own: never more than the calls made
    std::thread reader([&] {
        while (!done) {
            const mock::rate_count now = fx.server.rate_counts("T0MOCKTEAM", "auth.test");
            most = std::max(most, now.served + now.limited);
        }
    });
    for (int i = 0; i < 5; ++i)
        fx.auth_test(token);
    done = true;
    reader.join();
    BOOST_TEST(most <= 5u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.test").served == 3u);
    BOOST_TEST(fx.server.rate_counts("T0MOCKTEAM", "auth.test").limited == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
