// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack::detail::start_operation and complete_posted: the promises every operation of the library
// keeps (src/detail/start_operation.hpp), checked on io_contexts run with a deadline.
#include "detail/start_operation.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <stdexcept>

namespace asio = boost::asio;
using boost::system::error_code;
using namespace std::chrono_literals;

namespace {

asio::awaitable<int> answer() { co_return 42; }

asio::awaitable<error_code> wait_long()
{
    asio::steady_timer timer(co_await asio::this_coro::executor, 60s);
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return ec;
}

asio::awaitable<int> throws()
{
    throw std::runtime_error("a hook of the caller's threw");
    co_return 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(start_operation)

BOOST_AUTO_TEST_CASE(completes_once_later_on_the_handlers_executor)
{
    asio::io_context work_context, handler_context;
    int calls = 0, value = 0;
    bool on_handler_context = false;
    slack::detail::start_operation(work_context.get_executor(), answer(),
                                   asio::bind_executor(handler_context, [&](int v) {
                                       ++calls;
                                       value = v;
                                       on_handler_context = handler_context.get_executor().running_in_this_thread();
                                   }));
    BOOST_TEST(calls == 0);  // never inside the initiating call
    work_context.run_for(5s);
    BOOST_TEST(calls == 0);  // the coroutine ended; its completion waits for the handler's executor
    handler_context.run_for(5s);
    BOOST_TEST(calls == 1);
    BOOST_TEST(value == 42);
    BOOST_TEST(on_handler_context);
}

BOOST_AUTO_TEST_CASE(finish_shapes_what_the_handler_receives)
{
    asio::io_context ioc;
    int got = 0;
    slack::detail::start_operation(
        ioc.get_executor(), answer(), [&](int v) { got = v; },
        [](auto&& handler, int v) { std::move(handler)(v + 1); });
    ioc.run_for(5s);
    BOOST_TEST(got == 43);
}

BOOST_AUTO_TEST_CASE(the_handlers_cancellation_slot_reaches_the_coroutine)
{
    asio::io_context ioc;
    asio::cancellation_signal signal;
    error_code got;
    int calls = 0;
    slack::detail::start_operation(ioc.get_executor(), wait_long(),
                                   asio::bind_cancellation_slot(signal.slot(), [&](error_code ec) {
                                       ++calls;
                                       got = ec;
                                   }));
    asio::steady_timer later(ioc, 10ms);
    later.async_wait([&](error_code) { signal.emit(asio::cancellation_type::terminal); });
    ioc.run_for(5s);
    BOOST_TEST(calls == 1);
    BOOST_TEST((got == asio::error::operation_aborted), got.message());
}

BOOST_AUTO_TEST_CASE(an_exception_leaves_through_run_unless_finish_takes_it)
{
    asio::io_context ioc;
    bool called = false;
    slack::detail::start_operation(ioc.get_executor(), throws(), [&](int) { called = true; });
    BOOST_CHECK_THROW(ioc.run_for(5s), std::runtime_error);
    BOOST_TEST(!called);

    asio::io_context other;
    int got = 0;
    slack::detail::start_operation(
        other.get_executor(), throws(), [&](int v) { got = v; },
        [](auto&& handler, std::exception_ptr thrown, int v) {
            std::move(handler)(thrown ? -1 : v);  // as the PostgreSQL store does
        });
    other.run_for(5s);
    BOOST_TEST(got == -1);
}

BOOST_AUTO_TEST_CASE(complete_posted_is_never_inline)
{
    asio::io_context ioc, handler_context;
    int got = 0;
    bool on_handler_context = false;
    slack::detail::complete_posted(ioc.get_executor(),
                                   asio::bind_executor(handler_context,
                                                       [&](int v) {
                                                           got = v;
                                                           on_handler_context =
                                                               handler_context.get_executor().running_in_this_thread();
                                                       }),
                                   7);
    BOOST_TEST(got == 0);
    ioc.run_for(5s);
    handler_context.run_for(5s);
    BOOST_TEST(got == 7);
    BOOST_TEST(on_handler_context);
}

BOOST_AUTO_TEST_SUITE_END()
