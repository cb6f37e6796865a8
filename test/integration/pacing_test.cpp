// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// client_options::limiter end to end: calls to the mock over TLS paced by a local limiter.
#include "integration/mock_fixture.hpp"

#include <slack/web/rate_limiter.hpp>

#include <boost/asio/post.hpp>

#include <algorithm>
#include <optional>
#include <string>
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

// Grants every request at once and keeps the keys it was asked for.
class recording_limiter final : public web::rate_limiter {
public:
    explicit recording_limiter(boost::asio::any_io_executor ex) : executor_(std::move(ex)) {}
    boost::asio::any_io_executor get_executor() const override { return executor_; }
    void block(const web::rate_key&, std::chrono::milliseconds) override {}
    bool is_per_channel(std::string_view) const override { return false; }

    std::vector<std::string> workspaces;
    std::vector<bool> local;

private:
    void do_acquire(const web::rate_key& key, std::chrono::steady_clock::time_point,
                    boost::asio::any_completion_handler<web::rate_signature> handler) override
    {
        workspaces.emplace_back(key.workspace);
        local.push_back(key.process_local);
        boost::asio::post(executor_, [h = std::move(handler)]() mutable {
            std::move(h)(web::rate_grant{.send_at = std::chrono::steady_clock::now(), .reserved = true});
        });
    }
    boost::asio::any_io_executor executor_;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pacing, pacing_fixture)

BOOST_AUTO_TEST_CASE(a_call_without_a_rate_key_is_counted_alike_in_every_replica_by_its_token)
{
    // Two clients stand for two replicas: each keys its own gates under a random key of its own,
    // but a shared limiter must count one token's calls as one tenant's in both.
    auto limiter = std::make_shared<recording_limiter>(ioc.get_executor());
    options.limiter = limiter;
    web::client first(ioc.get_executor(), tls, options), second(ioc.get_executor(), tls, options);
    const mock::minted_tokens bot = server.mint_tokens({}), other = server.mint_tokens({});
    const auto call = [&](web::client& client, const std::string& token) {
        std::optional<auth_result> r;
        web::auth(client).test({.token = token}, [&](auth_result a) { r.emplace(std::move(a)); });
        run_until([&] { return r.has_value(); });
        BOOST_TEST_REQUIRE(r->has_value(), r->error().message());
    };
    call(first, bot.access_token);
    call(second, bot.access_token);
    call(first, other.access_token);
    BOOST_TEST_REQUIRE(limiter->workspaces.size() == 3u);
    BOOST_TEST(limiter->workspaces[0] == limiter->workspaces[1]);  // the same tenant in both replicas
    BOOST_TEST(limiter->workspaces[0] != limiter->workspaces[2]);  // another token, another tenant
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(!limiter->local[i]);  // a shared limiter may share it
        // A digest, never the token.
        BOOST_TEST(limiter->workspaces[i].find(bot.access_token) == std::string::npos);
        BOOST_TEST(limiter->workspaces[i].find(other.access_token) == std::string::npos);
    }
}

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
