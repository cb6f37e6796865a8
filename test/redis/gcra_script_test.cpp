// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The GCRA script's decisions against real servers, a plain one and a one-node cluster: steady
// pace, burst, refusal beyond the longest wait (state untouched), a 429's block, keys apart,
// reloading after SCRIPT FLUSH, and the key's expiry once idle.
#include "redis/connection.hpp"
#include "redis/redis_fixture.hpp"
#include "store/run.hpp"
#include "web/rate/gcra_script.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <random>

namespace asio = boost::asio;
namespace redis = slack::redis;
namespace detail = slack::web::detail;
using namespace std::chrono_literals;
using std::chrono::microseconds;
using answer = std::tuple<boost::system::error_code, detail::script_answer>;

namespace {

// Each test's keys are its own: the servers are shared by every test and every run.
std::string fresh_key(const char* method)
{
    std::random_device entropy;
    const auto app = std::to_string(std::uniform_int_distribution<unsigned long>{}(entropy));
    return "slack:rl:{test" + app + ":T1}:" + method;
}

// Not coroutines: each starts the script when awaited, on copies of its arguments.
asio::awaitable<answer> take(std::shared_ptr<redis::connection> c, std::string key, microseconds interval,
                             unsigned burst, microseconds max_wait, microseconds expiry = detail::no_expiry)
{
    auto token = asio::as_tuple(asio::use_awaitable);
    return asio::async_initiate<decltype(token), detail::script_signature>(
        [=](auto handler) {
            detail::gcra_acquire(c, key, interval, burst, max_wait, expiry, redis::clock::now() + 2s,
                                 std::move(handler));
        },
        token);
}

asio::awaitable<answer> hold(std::shared_ptr<redis::connection> c, std::string key, microseconds retry_after,
                             microseconds expiry = detail::no_expiry)
{
    auto token = asio::as_tuple(asio::use_awaitable);
    return asio::async_initiate<decltype(token), detail::script_signature>(
        [=](auto handler) {
            detail::gcra_block(c, key, retry_after, expiry, redis::clock::now() + 2s, std::move(handler));
        },
        token);
}

template <class... Words>
asio::awaitable<std::tuple<boost::system::error_code, redis::reply>> ask(redis::connection& c, const Words&... words)
{
    return c.request({std::string_view(words)...}, redis::clock::now() + 2s, asio::as_tuple(asio::use_awaitable));
}

// A wait as the script answered it, to the nearest tenth of a second (the test's own
// round trips take a little of it).
bool about(const answer& a, std::chrono::milliseconds expected)
{
    const auto wait = std::get<1>(a).wait;
    return !std::get<0>(a) && wait <= expected && wait > expected - 100ms;
}

// Runs `body(connection)` against the server named by the environment variable `server`.
template <class Body>
void against(const char* server, Body body)
{
    asio::io_context io;
    redis::server_address where = *redis::parse_url(slack::test::redis_url(server));
    auto c = std::make_shared<redis::connection>(io.get_executor(), where);
    auto run = [&]() -> asio::awaitable<void> {
        co_await body(c);
        c->close();
    };
    slack::test::run(io, run, std::chrono::seconds(20));
}

const char* servers[] = {"SLACK_TEST_REDIS", "SLACK_TEST_REDIS_CLUSTER"};

}  // namespace

BOOST_AUTO_TEST_SUITE(gcra_script)

BOOST_DATA_TEST_CASE(steady_pace, boost::unit_test::data::make(servers), server)
{
    against(server, [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("steady");
        for (auto expected : {0ms, 10000ms, 20000ms}) {
            auto a = co_await take(c, key, 10s, 1, 60s);
            BOOST_TEST(about(a, expected), "waited " << std::get<1>(a).wait.count() << " us");
            BOOST_TEST(std::get<1>(a).reserved);
        }
    });
}

BOOST_DATA_TEST_CASE(burst_then_pace, boost::unit_test::data::make(servers), server)
{
    against(server, [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("burst");
        for (auto expected : {0ms, 0ms, 0ms, 10000ms, 20000ms}) {
            auto a = co_await take(c, key, 10s, 3, 60s);
            BOOST_TEST(about(a, expected), "waited " << std::get<1>(a).wait.count() << " us");
            BOOST_TEST(std::get<1>(a).reserved);
        }
    });
}

BOOST_DATA_TEST_CASE(refused_beyond_the_longest_wait, boost::unit_test::data::make(servers), server)
{
    against(server, [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("refused");
        BOOST_TEST(std::get<1>(co_await take(c, key, 10s, 1, 5s)).reserved);
        for (int i = 0; i < 2; ++i) {  // a refusal holds no place: the next one sees the same wait
            auto a = co_await take(c, key, 10s, 1, 5s);
            BOOST_TEST(about(a, 10000ms), "waited " << std::get<1>(a).wait.count() << " us");
            BOOST_TEST(!std::get<1>(a).reserved);
        }
    });
}

BOOST_DATA_TEST_CASE(a_block_holds_the_key_back, boost::unit_test::data::make(servers), server)
{
    against(server, [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("blocked");
        BOOST_TEST(!std::get<0>(co_await hold(c, key, 3s)));
        BOOST_TEST(!std::get<0>(co_await hold(c, key, 1s)));  // a shorter one does not shorten it
        auto a = co_await take(c, key, 1s, 5, 60s);
        BOOST_TEST(about(a, 3000ms), "waited " << std::get<1>(a).wait.count() << " us");
        BOOST_TEST(std::get<1>(a).reserved);
        auto refused = co_await take(c, key, 1s, 5, 1s);
        BOOST_TEST(!std::get<1>(refused).reserved);
    });
}

BOOST_DATA_TEST_CASE(keys_are_paced_apart, boost::unit_test::data::make(servers), server)
{
    against(server, [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto one = fresh_key("apart");
        const auto other = fresh_key("apart");
        BOOST_TEST(about(co_await take(c, one, 10s, 1, 60s), 0ms));
        BOOST_TEST(about(co_await take(c, one, 10s, 1, 60s), 10000ms));
        BOOST_TEST(about(co_await take(c, other, 10s, 1, 60s), 0ms));
    });
}

// A request run after its expiry (on Redis's clock) was given up by its caller: it reserves
// nothing and blocks nothing.
BOOST_DATA_TEST_CASE(an_expired_request_changes_nothing, boost::unit_test::data::make(servers), server)
{
    against(server, [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("expired");
        auto first = co_await take(c, key, 10s, 1, 60s);
        BOOST_TEST((about(first, 0ms) && !std::get<1>(first).expired));
        const auto redis_now = std::get<1>(first).redis_now;
        BOOST_TEST((redis_now > microseconds(0)));
        auto late = co_await take(c, key, 10s, 1, 60s, redis_now - 1us);
        BOOST_TEST((!std::get<0>(late) && std::get<1>(late).expired && !std::get<1>(late).reserved));
        auto late_block = co_await hold(c, key, 30s, redis_now - 1us);
        BOOST_TEST((!std::get<0>(late_block) && std::get<1>(late_block).expired));
        auto in_time = co_await take(c, key, 10s, 1, 60s, redis_now + 60s);
        BOOST_TEST(about(in_time, 10000ms), "waited " << std::get<1>(in_time).wait.count() << " us");
        BOOST_TEST((std::get<1>(in_time).reserved && !std::get<1>(in_time).expired));
    });
}

BOOST_AUTO_TEST_CASE(loaded_again_after_script_flush)
{
    against("SLACK_TEST_REDIS", [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("flushed");
        BOOST_TEST(about(co_await take(c, key, 10s, 1, 60s), 0ms));
        auto [ec, r] = co_await ask(*c, "SCRIPT", "FLUSH");
        BOOST_TEST(!ec);
        auto [ec2, exists] = co_await ask(*c, "SCRIPT", "EXISTS", detail::gcra_script_sha());
        BOOST_TEST((exists.elements.size() == 1 && exists.elements[0].integer == 0));
        BOOST_TEST(about(co_await take(c, key, 10s, 1, 60s), 10000ms));
        auto [ec3, again] = co_await ask(*c, "SCRIPT", "EXISTS", detail::gcra_script_sha());
        BOOST_TEST((again.elements.size() == 1 && again.elements[0].integer == 1));
    });
}

BOOST_AUTO_TEST_CASE(an_idle_key_expires)
{
    against("SLACK_TEST_REDIS", [](std::shared_ptr<redis::connection> c) -> asio::awaitable<void> {
        const auto key = fresh_key("idle");
        co_await take(c, key, 200ms, 1, 60s);
        auto [ec, ttl] = co_await ask(*c, "PTTL", key);
        BOOST_TEST((ttl.integer > 0 && ttl.integer <= 201), ttl.integer);
        co_await hold(c, key, 5s);
        auto [ec2, held] = co_await ask(*c, "PTTL", key);
        BOOST_TEST((held.integer > 4800 && held.integer <= 5001), held.integer);
    });
}

BOOST_AUTO_TEST_SUITE_END()
