// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// client_options::limiter end to end: calls to the mock over TLS paced by a local limiter.
#include "integration/mock_fixture.hpp"

#include <slack/web/rate_limiter.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace {

namespace web = slack::web;
namespace mock = slack::mock;
using namespace std::chrono_literals;
using kind = web::call_event::kind;
using auth_result = boost::system::result<web::auth_test_response>;

struct pacing_fixture : slack::test::mock_fixture {
    std::vector<web::call_event::kind> events;

    // `n` auth.test calls one after the other through a client paced by `limits`.
    std::chrono::steady_clock::duration run_calls(int n, web::rate_limits limits)
    {
        options.limiter = web::make_local_limiter(ioc.get_executor(), std::move(limits));
        options.on_event = [this](const web::call_event& e) { events.push_back(e.what); };
        web::client client(ioc.get_executor(), tls, options);
        const mock::minted_tokens bot = server.mint_tokens({});
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < n; ++i) {
            slack::diagnostics diag;
            std::optional<auth_result> r;
            web::auth(client).test({.token = bot.access_token}, diag, [&](auth_result a) { r.emplace(std::move(a)); });
            run_until([&] { return r.has_value(); });
            BOOST_TEST_REQUIRE(r->has_value(), r->error().message() << " (" << diag.client_message << ")");
        }
        return std::chrono::steady_clock::now() - start;
    }

    std::size_t count(kind k) const { return std::count(events.begin(), events.end(), k); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pacing, pacing_fixture)

BOOST_AUTO_TEST_CASE(a_paced_method_spaces_its_calls)
{
    // 120 a minute, no burst: one call every 500 ms, so five take at least 2 s.
    const auto took =
        run_calls(5, web::rate_limits::slack_tiers().set("auth.test", web::rate_pace{.per_minute = 120, .burst = 1}));
    BOOST_TEST((took >= 1950ms));
    BOOST_TEST(count(kind::pacing_wait) >= 3u);
    BOOST_TEST(count(kind::succeeded) == 5u);
}

BOOST_AUTO_TEST_CASE(an_unpaced_method_costs_no_wait)
{
    const auto took = run_calls(5, web::rate_limits::slack_tiers().set("auth.test", web::rate_pace{}));
    BOOST_TEST(count(kind::pacing_wait) == 0u);
    BOOST_TEST(count(kind::succeeded) == 5u);
    BOOST_TEST((took < 1500ms));
}

BOOST_AUTO_TEST_SUITE_END()
