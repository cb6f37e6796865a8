// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// make_local_limiter: pacing per key on real timers, 429 blocks, refusals, the promises of every
// operation (completes posted, on the handler's executor) and the memory bound. Every io_context
// runs with a deadline.
#include "web/rate/local_limiter.hpp"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using slack::web::rate_grant;
using slack::web::rate_key;
using slack::web::rate_limits;
using slack::web::rate_pace;
using time_point = std::chrono::steady_clock::time_point;

const time_point never = time_point::max();

// Runs `work` on a fresh io_context for at most 10 s; fails the test if it does not finish.
template <class Work>
void run(asio::io_context& io, Work work)
{
    bool finished = false;
    asio::co_spawn(
        io,
        [&]() -> asio::awaitable<void> {
            co_await work();
            finished = true;
        },
        asio::detached);
    io.run_for(10s);
    BOOST_TEST_REQUIRE(finished);
}

rate_limits one_method(double per_minute, unsigned burst)
{
    return rate_limits{}.set("users.list", rate_pace{.per_minute = per_minute, .burst = burst});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(local_limiter)

BOOST_AUTO_TEST_CASE(paces_one_key_on_real_timers)
{
    asio::io_context io;
    auto limiter = slack::web::make_local_limiter(io.get_executor(), one_method(600, 1));  // every 100 ms
    run(io, [&]() -> asio::awaitable<void> {
        const rate_key key{.workspace = "T1", .method = "users.list"};
        const time_point start = std::chrono::steady_clock::now();
        for (int i = 0; i < 4; ++i) {
            auto grant = co_await limiter->acquire(key, never, asio::use_awaitable);
            BOOST_TEST_REQUIRE(grant.has_value());
            BOOST_TEST(grant->reserved);
            BOOST_TEST(!grant->shared);
            asio::steady_timer timer(io, grant->send_at);
            co_await timer.async_wait(asio::use_awaitable);
        }
        BOOST_TEST((std::chrono::steady_clock::now() - start >= 300ms));
    });
}

BOOST_AUTO_TEST_CASE(keys_are_paced_apart)
{
    asio::io_context io;
    rate_limits limits =
        one_method(1, 1).set("chat.postMessage", rate_pace{.per_minute = 1}).per_channel("chat.postMessage");
    limits.set("C1", rate_pace{.per_minute = 1}).per_channel("C1");
    auto limiter = slack::web::make_local_limiter(io.get_executor(), limits);
    run(io, [&]() -> asio::awaitable<void> {
        const time_point now = std::chrono::steady_clock::now();
        // Each of these is the first of its key: it may go at once.
        const std::vector<rate_key> keys{
            {.workspace = "T1", .method = "users.list"},
            {.workspace = "T2", .method = "users.list"},
            {.workspace = "T1", .method = "users.list", .process_local = true},
            {.workspace = "T1", .method = "chat.postMessage", .channel = "C1"},
            {.workspace = "T1", .method = "chat.postMessage", .channel = "C2"},
            // Parts holding the characters a key is joined with stay apart too.
            {.workspace = "T1", .method = "chat.postMessage", .channel = "C1\nX"},
            {.workspace = "T1\nchat.postMessage", .method = "C1", .channel = "X"},
        };
        for (const rate_key& key : keys) {
            auto grant = co_await limiter->acquire(key, now + 1s, asio::use_awaitable);
            BOOST_TEST((grant->reserved && grant->send_at <= now + 1s));
        }
        // The second of a key waits a minute: past `latest`, refused, nothing reserved.
        for (const rate_key& key : keys) {
            auto grant = co_await limiter->acquire(key, now + 1s, asio::use_awaitable);
            BOOST_TEST(!grant->reserved);
            BOOST_TEST((grant->send_at >= now + 59s));
        }
        // Unpaced methods are never held back.
        const rate_key other{.workspace = "T1", .method = "users.info"};
        for (int i = 0; i < 10; ++i)
            BOOST_TEST((co_await limiter->acquire(other, now + 1s, asio::use_awaitable))->reserved);
    });
}

BOOST_AUTO_TEST_CASE(block_holds_back_its_key_only)
{
    asio::io_context io;
    auto limiter = slack::web::make_local_limiter(io.get_executor(), rate_limits{});
    run(io, [&]() -> asio::awaitable<void> {
        const rate_key blocked{.workspace = "T1", .method = "users.list"};
        const rate_key other{.workspace = "T2", .method = "users.list"};
        const time_point before = std::chrono::steady_clock::now();
        limiter->block(blocked, 200ms);
        auto grant = co_await limiter->acquire(blocked, never, asio::use_awaitable);
        BOOST_TEST((grant->send_at >= before + 200ms));
        BOOST_TEST(grant->reserved);
        BOOST_TEST(((co_await limiter->acquire(other, never, asio::use_awaitable))->send_at < before + 200ms));
        // Waiting out the block on a real timer: then it goes at once.
        asio::steady_timer timer(io, grant->send_at);
        co_await timer.async_wait(asio::use_awaitable);
        const time_point now = std::chrono::steady_clock::now();
        BOOST_TEST((co_await limiter->acquire(blocked, now + 50ms, asio::use_awaitable))->reserved);
    });
}

BOOST_AUTO_TEST_CASE(completes_posted_on_the_handlers_executor)
{
    asio::io_context io;
    auto limiter = slack::web::make_local_limiter(io.get_executor(), rate_limits{});
    auto strand = asio::make_strand(io);
    bool initiated = false;
    bool completed = false;
    limiter->acquire(rate_key{.method = "users.list"}, never,
                     asio::bind_executor(strand, [&](boost::system::result<rate_grant> grant) {
                         BOOST_TEST(initiated);  // not inside acquire()
                         BOOST_TEST(strand.running_in_this_thread());
                         BOOST_TEST(grant.has_value());
                         completed = true;
                     }));
    initiated = true;
    io.run_for(5s);
    BOOST_TEST(completed);
}

BOOST_AUTO_TEST_CASE(memory_is_bounded_by_the_keys_in_use)
{
    asio::io_context io;
    auto made = slack::web::make_local_limiter(io.get_executor(), one_method(60, 1));
    auto& limiter = static_cast<slack::web::detail::local_limiter&>(*made);
    run(io, [&]() -> asio::awaitable<void> {
        // Unpaced keys are spent at once: the map is pruned as it grows.
        for (int i = 0; i < 2000; ++i) {
            const std::string workspace = "T" + std::to_string(i);
            const rate_key key{.workspace = workspace, .method = "users.info"};
            co_await limiter.acquire(key, never, asio::use_awaitable);
        }
        BOOST_TEST(limiter.key_count() <= 128u);
        // Paced keys still in use (their next place is in the future) are all kept.
        for (int i = 0; i < 300; ++i) {
            const std::string workspace = "W" + std::to_string(i);
            const rate_key key{.workspace = workspace, .method = "users.list"};
            co_await limiter.acquire(key, never, asio::use_awaitable);
        }
        BOOST_TEST(limiter.key_count() >= 300u);
    });
}

BOOST_AUTO_TEST_SUITE_END()
