// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack::detail::waiter_queue (src/detail/waiter_queue.hpp), the line both connection pools keep:
// order, cancellation, hand-over, deadline and destruction, on io_contexts run with a deadline.
#include "detail/waiter_queue.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>

namespace slack::detail {
std::ostream& operator<<(std::ostream& out, wait_end end) { return out << static_cast<int>(end); }
}  // namespace slack::detail

namespace asio = boost::asio;
using slack::detail::wait_end;
using namespace std::chrono_literals;

namespace {

using queue = slack::detail::waiter_queue<std::unique_ptr<int>>;
using steady = std::chrono::steady_clock;

// What one waiter saw: how many times it completed, how, and the value it was handed (-1: none).
struct seen {
    int completions = 0;
    wait_end end = wait_end::aborted;
    int value = -1;
};

void join(asio::io_context& io, queue& line, seen& result, steady::time_point deadline = steady::now() + 60s,
          asio::cancellation_slot slot = {})
{
    asio::co_spawn(io, line.wait(io.get_executor(), deadline),
                   asio::bind_cancellation_slot(slot, [&result](std::exception_ptr, queue::outcome done) {
                       ++result.completions;
                       result.end = done.end;
                       if (done.payload)
                           result.value = *done.payload;
                   }));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(waiter_queue)

BOOST_AUTO_TEST_CASE(first_come_first_served_completion_posted)
{
    asio::io_context io;
    queue line;
    seen first, second, third;
    join(io, line, first);
    join(io, line, second);
    join(io, line, third);
    io.poll();  // all three are in line, in the order they came
    BOOST_TEST(line.size() == 3u);
    line.grant_front(std::make_unique<int>(1));
    line.grant_front(std::make_unique<int>(2));
    BOOST_TEST(line.size() == 1u);
    BOOST_TEST(first.completions == 0);  // never inside grant_front
    line.grant_front(nullptr);           // a place, not a connection
    io.run_for(5s);
    BOOST_TEST(first.completions == 1);
    BOOST_TEST(first.end == wait_end::granted);
    BOOST_TEST(first.value == 1);
    BOOST_TEST(second.completions == 1);
    BOOST_TEST(second.value == 2);
    BOOST_TEST(third.completions == 1);
    BOOST_TEST(third.end == wait_end::granted);
    BOOST_TEST(third.value == -1);
    BOOST_TEST(line.empty());
}

BOOST_AUTO_TEST_CASE(a_cancelled_waiter_in_the_middle_leaves_the_line)
{
    asio::io_context io;
    queue line;
    seen first, middle, last;
    asio::cancellation_signal cancel_middle;
    join(io, line, first);
    join(io, line, middle, steady::now() + 60s, cancel_middle.slot());
    join(io, line, last);
    io.poll();
    cancel_middle.emit(asio::cancellation_type::terminal);
    io.poll();
    BOOST_TEST(middle.completions == 1);
    BOOST_TEST(middle.end == wait_end::aborted);
    BOOST_TEST(line.size() == 2u);
    line.grant_front(std::make_unique<int>(1));
    line.grant_front(std::make_unique<int>(2));
    io.run_for(5s);
    BOOST_TEST(first.value == 1);
    BOOST_TEST(last.value == 2);  // the cancelled one was skipped
    BOOST_TEST(middle.completions == 1);
}

BOOST_AUTO_TEST_CASE(a_cancellation_after_the_hand_over_keeps_the_payload)
{
    asio::io_context io;
    queue line;
    seen waiter;
    asio::cancellation_signal cancel;
    join(io, line, waiter, steady::now() + 60s, cancel.slot());
    io.poll();
    line.grant_front(std::make_unique<int>(7));
    cancel.emit(asio::cancellation_type::terminal);  // before the waiter resumed
    io.run_for(5s);
    BOOST_TEST(waiter.completions == 1);
    BOOST_TEST(waiter.end == wait_end::granted);
    BOOST_TEST(waiter.value == 7);  // the caller has it, to give back: nothing lost
}

BOOST_AUTO_TEST_CASE(the_deadline_ends_the_wait)
{
    asio::io_context io;
    queue line;
    seen late, patient;
    join(io, line, late, steady::now() + 20ms);
    join(io, line, patient);
    io.run_for(1s);  // the patient one keeps run_for busy until its end
    BOOST_TEST(late.completions == 1);
    BOOST_TEST(late.end == wait_end::deadline);
    BOOST_TEST(line.size() == 1u);
    line.grant_front(std::make_unique<int>(3));
    io.run_for(5s);
    BOOST_TEST(patient.value == 3);
    BOOST_TEST(late.value == -1);
}

BOOST_AUTO_TEST_CASE(wake_all_and_destruction_end_every_wait_once)
{
    asio::io_context io;
    std::optional<queue> line(std::in_place);
    seen woken, first, second;
    join(io, *line, woken);
    io.poll();
    line->wake_all();
    BOOST_TEST(line->empty());
    join(io, *line, first);
    join(io, *line, second);
    io.poll();
    BOOST_TEST(line->size() == 2u);
    line.reset();  // destroyed with two in line
    io.run_for(5s);
    for (const seen* s : {&woken, &first, &second}) {
        BOOST_TEST(s->completions == 1);
        BOOST_TEST(s->end == wait_end::aborted);
        BOOST_TEST(s->value == -1);
    }
}

BOOST_AUTO_TEST_CASE(a_frame_destroyed_unresumed_leaves_the_line)
{
    queue line;
    seen never;
    {
        asio::io_context io;
        join(io, line, never);
        io.poll();
        BOOST_TEST(line.size() == 1u);
    }  // the io_context goes with the waiting frame
    BOOST_TEST(line.empty());
    BOOST_TEST(never.completions == 0);
}

BOOST_AUTO_TEST_SUITE_END()
