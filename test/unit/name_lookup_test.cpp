// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A pool's host lookups (web/name_lookup.hpp) against a stand-in resolver that answers only
// when told: one lookup in flight, shared; cancelled once nobody waits for it. No sockets.
#include "web/name_lookup.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <optional>

namespace asio = boost::asio;
using namespace slack::web::detail;
using namespace std::chrono_literals;
using boost::system::error_code;
using results_type = asio::ip::tcp::resolver::results_type;
using lookup_result = std::pair<error_code, results_type>;

namespace {

// What the stand-in resolvers did: lookups started and cancelled, and the pending one's answer.
struct resolver_log {
    int started = 0;
    int cancelled = 0;
    std::function<void(error_code, results_type)> answer;  // empty once answered
};
resolver_log* log_ = nullptr;

struct fake_resolver {
    explicit fake_resolver(const executor_type& e) : executor(e) {}
    template <class Handler>
    void async_resolve(const std::string&, const std::string&, Handler handler)
    {
        ++log_->started;
        log_->answer = [ex = executor, handler](error_code ec, results_type r) {
            asio::post(ex, [handler, ec, r] { handler(ec, r); });
        };
    }
    void cancel()
    {
        ++log_->cancelled;
        if (auto answer = std::exchange(log_->answer, nullptr))
            answer(asio::error::operation_aborted, {});  // as Asio does for a lookup not yet run
    }
    executor_type executor;
};

struct lookup_fixture {
    lookup_fixture() { log_ = &log; }
    ~lookup_fixture() { log_ = nullptr; }

    // Starts a resolve that waits until `after` from now, its result into `out`.
    void start(std::optional<lookup_result>& out, std::chrono::milliseconds after, asio::cancellation_slot slot = {})
    {
        asio::co_spawn(ioc, lookup.resolve(executor, endpoint, std::chrono::steady_clock::now() + after),
                       asio::bind_cancellation_slot(slot, [&out](std::exception_ptr, lookup_result r) { out = r; }));
    }
    template <class Predicate>
    void run_until(Predicate done)
    {
        const auto limit = std::chrono::steady_clock::now() + 5s;
        while (!done() && std::chrono::steady_clock::now() < limit)
            ioc.run_one_for(10ms);
        BOOST_REQUIRE(done());
    }

    resolver_log log;
    basic_host_lookup<fake_resolver> lookup;  // outlives the io_context and its coroutines
    asio::io_context ioc;
    const executor_type executor = ioc.get_executor();
    const api_endpoint endpoint{true, "slack.test", "443", "slack.test", "slack.test:443", "/api/"};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(name_lookup, lookup_fixture)

BOOST_AUTO_TEST_CASE(waiters_share_one_lookup_which_is_cancelled_when_the_last_gives_up)
{
    std::optional<lookup_result> first, second, third;
    start(first, 30ms);
    start(second, 120ms);
    ioc.poll();  // both started: one lookup
    BOOST_TEST(lookup.in_flight());
    BOOST_TEST(log.started == 1);
    run_until([&] { return first.has_value(); });
    BOOST_TEST((first->first == boost::beast::error::timeout));
    BOOST_TEST(log.started == 1);
    BOOST_TEST(log.cancelled == 0);  // the second still waits for it
    run_until([&] { return second.has_value(); });
    BOOST_TEST((second->first == boost::beast::error::timeout));
    BOOST_TEST(log.cancelled == 1);  // abandoned: dropped from Asio's queue
    BOOST_TEST(!lookup.in_flight());
    // A later opening starts a lookup of its own.
    start(third, 30ms);
    ioc.poll();
    BOOST_TEST(log.started == 2);
    run_until([&] { return third.has_value(); });
    BOOST_TEST(log.cancelled == 2);
    ioc.run_for(20ms);  // the cancelled lookups' handlers run, harmlessly
}

BOOST_AUTO_TEST_CASE(a_cancelled_call_cancels_the_lookup_it_alone_waited_for)
{
    asio::cancellation_signal signal;
    std::optional<lookup_result> out;
    start(out, 10s, signal.slot());
    ioc.run_for(10ms);
    signal.emit(asio::cancellation_type::terminal);
    run_until([&] { return out.has_value(); });
    BOOST_TEST((out->first == asio::error::operation_aborted));
    BOOST_TEST(log.cancelled == 1);
}

BOOST_AUTO_TEST_CASE(the_answer_reaches_every_waiter)
{
    std::optional<lookup_result> first, second;
    start(first, 5s);
    start(second, 5s);
    ioc.run_for(10ms);
    const auto addresses = literal_address({true, "127.0.0.1", "443", "127.0.0.1", "127.0.0.1:443", "/api/"});
    BOOST_REQUIRE(addresses.has_value());
    std::exchange(log.answer, nullptr)(error_code(), *addresses);
    run_until([&] { return first && second; });
    BOOST_TEST(!first->first);
    BOOST_TEST(first->second.size() == 1u);
    BOOST_TEST(second->second.size() == 1u);
    BOOST_TEST(log.started == 1);
    BOOST_TEST(log.cancelled == 0);
}

BOOST_AUTO_TEST_SUITE_END()
