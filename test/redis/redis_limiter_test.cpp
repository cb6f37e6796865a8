// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// open_limiter's limiter against real servers: two limiters (as two replicas would) share one
// key's pace and a 429's block, plain and over TLS; the fallback answers while the server is
// paused or stopped, or its certificate is not trusted, and sharing resumes after a restart;
// keys Redis never sees; bad options.
#include "redis/redis_fixture.hpp"
#include "store/run.hpp"

#include <slack/web/redis_limiter.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <random>
#include <vector>

namespace asio = boost::asio;
namespace web = slack::web;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

namespace {

std::string fresh_app()
{
    std::random_device entropy;
    return "test" + std::to_string(std::uniform_int_distribution<unsigned long>{}(entropy));
}

// A stand-in for the local limiter: sends at once, and counts what it was asked.
class counting_limiter final : public web::rate_limiter {
public:
    explicit counting_limiter(asio::any_io_executor executor) : executor_(std::move(executor)) {}
    asio::any_io_executor get_executor() const override { return executor_; }
    void block(const web::rate_key&, std::chrono::milliseconds) override { ++blocks; }
    bool is_per_channel(std::string_view) const override { return false; }
    int acquires = 0;
    int blocks = 0;

protected:
    void do_acquire(const web::rate_key&, clock_type::time_point,
                    asio::any_completion_handler<web::rate_signature> handler) override
    {
        ++acquires;
        web::rate_grant grant{clock_type::now(), true, false};
        asio::post(executor_, [h = std::move(handler), grant]() mutable { std::move(h)(grant); });
    }

private:
    asio::any_io_executor executor_;
};

web::rate_limits one_every_ten_seconds()
{
    web::rate_limits limits;
    limits.set("test.method", web::rate_pace{6, 1});
    return limits;
}

std::shared_ptr<web::rate_limiter> open(asio::io_context& io, const std::string& url, web::redis_limiter_options o)
{
    auto opened = web::open_limiter(url, io.get_executor(), one_every_ten_seconds(), std::move(o));
    BOOST_REQUIRE(opened);
    return *opened;
}

// How long after now a grant says to wait, within a tenth of a second.
bool waits_about(const web::rate_grant& g, std::chrono::milliseconds expected)
{
    const auto wait = g.send_at - clock_type::now();
    return wait <= expected + 10ms && wait > expected - 100ms;
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d)
{
    asio::steady_timer t(co_await asio::this_coro::executor, d);
    co_await t.async_wait(asio::use_awaitable);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(redis_limiter)

const char* plain_and_tls[] = {"SLACK_TEST_REDIS", "SLACK_TEST_REDIS_TLS"};

BOOST_DATA_TEST_CASE(two_limiters_share_a_pace_and_a_block, boost::unit_test::data::make(plain_and_tls), server)
{
    asio::io_context io;
    web::redis_limiter_options o;
    o.app = fresh_app();
    const std::string url = slack::test::redis_url(server);
    o.tls = slack::test::trust_for(url);
    auto one = open(io, url, o);
    auto two = open(io, url, o);
    auto body = [&]() -> asio::awaitable<void> {
        const web::rate_key key{"T1", "test.method", "", false};
        const auto latest = clock_type::now() + 60s;
        auto a = co_await one->acquire(key, latest, asio::use_awaitable);
        auto b = co_await two->acquire(key, latest, asio::use_awaitable);
        auto c = co_await one->acquire(key, latest, asio::use_awaitable);
        BOOST_REQUIRE((a && b && c));
        BOOST_TEST((a->shared && b->shared && c->shared));
        BOOST_TEST((a->reserved && b->reserved && c->reserved));
        BOOST_TEST(waits_about(*a, 0ms));
        BOOST_TEST(waits_about(*b, 10000ms));
        BOOST_TEST(waits_about(*c, 20000ms));

        // A 429 for another workspace, seen by one limiter, holds the other back: that
        // workspace's pace is its own, so only the block delays it.
        const web::rate_key other{"T2", "test.method", "", false};
        one->block(other, 3s);
        co_await sleep_for(50ms);  // block() does not wait for Redis
        auto d = co_await two->acquire(other, latest, asio::use_awaitable);
        BOOST_REQUIRE(d);
        BOOST_TEST((d->shared && d->reserved));
        BOOST_TEST(waits_about(*d, 2950ms));
        const auto soon = clock_type::now() + 1s;
        auto e = co_await one->acquire(other, soon, asio::use_awaitable);
        BOOST_REQUIRE(e);
        BOOST_TEST((e->shared && !e->reserved));
    };
    slack::test::run(io, body, 20s);
}

BOOST_AUTO_TEST_CASE(falls_back_while_redis_is_out_of_reach_and_shares_again)
{
    slack::test::redis_server server;
    asio::io_context io;
    auto fallback = std::make_shared<counting_limiter>(io.get_executor());
    std::vector<web::redis_limiter_event> events;
    web::redis_limiter_options o;
    o.app = fresh_app();
    o.max_backoff = 100ms;
    o.fallback = fallback;
    o.on_event = [&](const web::redis_limiter_event& e) { events.push_back(e); };
    auto limiter = open(io, server.url(), o);
    auto body = [&]() -> asio::awaitable<void> {
        const web::rate_key key{"T1", "test.method", "", false};
        const auto latest = clock_type::now() + 600s;
        auto shared = co_await limiter->acquire(key, latest, asio::use_awaitable);
        BOOST_TEST((shared && shared->shared));

        // Paused: answered by the fallback within the acquire deadline (100 ms), not held.
        server.pause();
        auto asked = clock_type::now();
        auto paused = co_await limiter->acquire(key, latest, asio::use_awaitable);
        BOOST_TEST((paused && !paused->shared));
        BOOST_TEST((clock_type::now() - asked < 300ms));
        BOOST_REQUIRE(events.size() == 1u);
        BOOST_TEST((events[0].what == web::redis_limiter_event::kind::fell_back));
        BOOST_TEST((events[0].why == web::redis_errc::timeout), events[0].why.message());
        server.resume();

        // Stopped: answered by the fallback at once.
        server.stop();
        for (int i = 0; i < 3; ++i) {
            asked = clock_type::now();
            auto down = co_await limiter->acquire(key, latest, asio::use_awaitable);
            BOOST_TEST((down && !down->shared));
            BOOST_TEST((clock_type::now() - asked < 150ms));
        }
        BOOST_TEST(fallback->acquires >= 4);

        // Back: shared again, said once.
        server.restart();
        bool again = false;
        for (int i = 0; i < 100 && !again; ++i) {
            auto g = co_await limiter->acquire(key, latest, asio::use_awaitable);
            again = g && g->shared;
            if (!again)
                co_await sleep_for(30ms);
        }
        BOOST_TEST(again);
        co_await sleep_for(10ms);  // the event is posted
        BOOST_REQUIRE(events.size() >= 2u);
        BOOST_TEST((events.back().what == web::redis_limiter_event::kind::sharing_again));
        for (std::size_t i = 0; i < events.size(); ++i)  // each switch said once: they alternate
            BOOST_TEST((events[i].what == (i % 2 == 0 ? web::redis_limiter_event::kind::fell_back
                                                      : web::redis_limiter_event::kind::sharing_again)));
        limiter.reset();
    };
    slack::test::run(io, body, 30s);
}

// While the server is paused the fallback answers, mostly at once; the requests that timed out
// are not run when the server resumes (each would reserve a place nobody uses: ten seconds
// each at this pace).
BOOST_AUTO_TEST_CASE(a_stalled_server_leaves_no_ghost_reservations)
{
    slack::test::redis_server server;
    asio::io_context io;
    web::redis_limiter_options o;
    o.app = fresh_app();
    o.fallback = std::make_shared<counting_limiter>(io.get_executor());
    auto limiter = open(io, server.url(), o);
    auto body = [&]() -> asio::awaitable<void> {
        const auto latest = clock_type::now() + 600s;
        const web::rate_key warm{"T0", "test.method", "", false};
        auto first = co_await limiter->acquire(warm, latest, asio::use_awaitable);
        BOOST_TEST((first && first->shared));

        server.pause();
        const web::rate_key key{"T1", "test.method", "", false};
        int quick = 0;
        for (int i = 0; i < 50; ++i) {
            const auto asked = clock_type::now();
            auto g = co_await limiter->acquire(key, latest, asio::use_awaitable);
            const auto took = clock_type::now() - asked;
            BOOST_TEST((g && !g->shared));
            BOOST_TEST((took < 250ms));
            quick += took < 20ms;
            co_await sleep_for(20ms);  // a stall of over a second, as a real one would last
        }
        BOOST_TEST(quick >= 40);
        server.resume();
        co_await sleep_for(300ms);

        // The first shared answer: not pushed out, neither by one reservation for each attempt
        // to reconnect, nor by the request written before the stall was seen (it expired).
        std::optional<web::rate_grant> shared;
        for (int i = 0; i < 200 && !shared; ++i) {
            const auto g = co_await limiter->acquire(key, clock_type::now() + 60s, asio::use_awaitable);
            if (g && g->shared)
                shared = *g;
            else
                co_await sleep_for(20ms);
        }
        BOOST_REQUIRE(shared);
        BOOST_TEST(shared->reserved);
        BOOST_TEST(
            (shared->send_at - clock_type::now() < 50ms),
            "pushed out by "
                << std::chrono::duration_cast<std::chrono::milliseconds>(shared->send_at - clock_type::now()).count()
                << " ms");
        limiter.reset();
    };
    slack::test::run(io, body, 30s);
}

// A server whose certificate the limiter does not trust is out of reach like any other: the
// fallback answers (a local grant) and on_event says why, tls_failed: as soon as the handshake
// fails, not at the acquire deadline.
BOOST_AUTO_TEST_CASE(an_untrusted_certificate_falls_back_with_tls_failed)
{
    slack::test::redis_server other(true);  // only for its CA, not the server's
    asio::io_context io;
    std::vector<web::redis_limiter_event> events;
    web::redis_limiter_options o;
    o.app = fresh_app();
    o.tls = other.trust();
    o.acquire_deadline = 3s;
    o.on_event = [&](const web::redis_limiter_event& e) { events.push_back(e); };
    auto limiter = open(io, slack::test::redis_url("SLACK_TEST_REDIS_TLS"), o);
    auto body = [&]() -> asio::awaitable<void> {
        const web::rate_key key{"T1", "test.method", "", false};
        const auto asked = clock_type::now();
        auto g = co_await limiter->acquire(key, clock_type::now() + 60s, asio::use_awaitable);
        BOOST_REQUIRE(g);
        BOOST_TEST((!g->shared && g->reserved));
        BOOST_TEST(waits_about(*g, 0ms));
        BOOST_TEST((clock_type::now() - asked < 1s));
        co_await sleep_for(10ms);  // the event is posted
        BOOST_REQUIRE(events.size() == 1u);
        BOOST_TEST((events[0].what == web::redis_limiter_event::kind::fell_back));
        BOOST_TEST((events[0].why == web::redis_errc::tls_failed), events[0].why.message());
        limiter.reset();
    };
    slack::test::run(io, body, 10s);
}

// A call whose deadline is sooner than the acquire deadline is answered by its own deadline.
BOOST_AUTO_TEST_CASE(a_soon_deadline_bounds_the_wait_for_redis)
{
    slack::test::redis_server server;
    asio::io_context io;
    web::redis_limiter_options o;
    o.app = fresh_app();
    o.acquire_deadline = 500ms;
    o.fallback = std::make_shared<counting_limiter>(io.get_executor());
    auto limiter = open(io, server.url(), o);
    auto body = [&]() -> asio::awaitable<void> {
        const web::rate_key key{"T1", "test.method", "", false};
        auto first = co_await limiter->acquire(key, clock_type::now() + 60s, asio::use_awaitable);
        BOOST_TEST((first && first->shared));
        server.pause();
        const auto asked = clock_type::now();
        auto g = co_await limiter->acquire(key, asked + 50ms, asio::use_awaitable);
        BOOST_TEST((g && !g->shared));
        BOOST_TEST((clock_type::now() - asked < 200ms));
        server.resume();
        limiter.reset();
    };
    slack::test::run(io, body, 10s);
}

BOOST_AUTO_TEST_CASE(local_and_unpaced_keys_never_go_to_redis)
{
    asio::io_context io;
    auto fallback = std::make_shared<counting_limiter>(io.get_executor());
    web::redis_limiter_options o;
    o.app = fresh_app();
    o.fallback = fallback;
    // The server is up: a key that went to Redis would come back shared.
    bool heard = false;
    o.on_event = [&](const web::redis_limiter_event&) { heard = true; };
    auto limiter = open(io, slack::test::redis_url(), o);
    auto body = [&]() -> asio::awaitable<void> {
        const auto latest = clock_type::now() + 60s;
        const web::rate_key local{"fingerprint", "test.method", "", true};
        const web::rate_key unpaced{"T1", "other.method", "", false};
        const web::rate_key no_workspace{"", "test.method", "", false};
        for (const auto* key : {&local, &unpaced, &no_workspace}) {
            auto g = co_await limiter->acquire(*key, latest, asio::use_awaitable);
            BOOST_TEST((g && !g->shared));
        }
        BOOST_TEST(fallback->acquires == 3);
        limiter->block(local, 1s);
        BOOST_TEST(fallback->blocks == 1);
        limiter.reset();
    };
    slack::test::run(io, body, 10s);
    BOOST_TEST(!heard);
}

// Without a fallback of one's own, a local limiter with the same limits answers while Redis is
// out of reach: requests stay paced (in this process), never unpaced.
BOOST_AUTO_TEST_CASE(the_default_fallback_paces_locally)
{
    asio::io_context io;
    web::redis_limiter_options o;
    o.app = fresh_app();
    auto limiter = open(io, "redis://127.0.0.1:1", o);  // nothing listens there
    auto body = [&]() -> asio::awaitable<void> {
        const web::rate_key key{"T1", "test.method", "", false};
        const auto latest = clock_type::now() + 60s;
        auto a = co_await limiter->acquire(key, latest, asio::use_awaitable);
        auto b = co_await limiter->acquire(key, latest, asio::use_awaitable);
        BOOST_REQUIRE((a && b));
        BOOST_TEST((!a->shared && !b->shared));
        BOOST_TEST(waits_about(*a, 0ms));
        BOOST_TEST(waits_about(*b, 10000ms));  // one every ten seconds, as in Redis
        limiter.reset();
    };
    slack::test::run(io, body, 10s);
}

BOOST_AUTO_TEST_CASE(bad_options_are_refused_with_their_own_errors)
{
    asio::io_context io;
    const std::string password = "hunter2-secret";
    auto bad = web::open_limiter("redis://user:" + password + "@127.0.0.1:notaport", io.get_executor(), {}, {});
    BOOST_REQUIRE(!bad);
    BOOST_TEST((bad.error() == web::redis_errc::bad_url));
    BOOST_TEST(bad.error().message().find(password) == std::string::npos);
    auto no_host = web::open_limiter("rediss://:" + password + "@/0", io.get_executor(), {}, {});
    BOOST_TEST((!no_host && no_host.error() == web::redis_errc::bad_url));
    BOOST_TEST(no_host.error().message().find(password) == std::string::npos);
    web::redis_limiter_options braces;
    braces.app = "a}b";
    auto app = web::open_limiter("redis://127.0.0.1:6379", io.get_executor(), {}, braces);
    BOOST_TEST((!app && app.error() == web::redis_errc::bad_app_name));
    BOOST_TEST(app.error().message().find("app name") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
