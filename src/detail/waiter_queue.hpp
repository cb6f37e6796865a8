// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The line of callers waiting for something a pool gives back (a connection, or the place to open
// one), shared by the web client's connection pool and the PostgreSQL store's pool. First come,
// first served; each waits until it is handed something, its deadline, or a terminal cancellation.
// Not locked: every call runs on one executor (the pool's). Private to the library.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/intrusive/list.hpp>

#include <chrono>
#include <cstddef>
#include <utility>

namespace slack::detail {

/// How a wait in a waiter_queue ended.
enum class wait_end {
    granted,   ///< handed a payload (which may be empty: the place to open one)
    deadline,  ///< the deadline passed first
    aborted,   ///< a terminal cancellation, wake_all(), or the queue's destruction
};

/// A FIFO of coroutines waiting for a `Payload` (a nullable owner, such as a smart pointer).
/// Each waiter lives on its coroutine's frame and is linked in place: queueing allocates nothing
/// beyond that frame. Completions are posted through the waiter's timer, never run inline.
template <class Payload>
class waiter_queue {
public:
    /// What wait() gives back: how it ended and, when granted, what it was handed.
    struct outcome {
        wait_end end;     ///< how the wait ended
        Payload payload;  ///< the payload handed over; empty unless granted
    };

    waiter_queue() = default;
    waiter_queue(const waiter_queue&) = delete;
    waiter_queue& operator=(const waiter_queue&) = delete;
    /// Waiters still queued complete with wait_end::aborted (later, on their executors).
    ~waiter_queue() { wake_all(); }

    /// True when nobody waits.
    bool empty() const noexcept { return line_.empty(); }
    /// How many wait.
    std::size_t size() const noexcept { return line_.size(); }

    /// Waits at the back of the line until handed a payload, `deadline`, or a terminal cancellation
    /// of the awaiting coroutine. A grant that comes before the waiter resumes wins over a
    /// cancellation or deadline that came at the same time: the payload is then the caller's, to
    /// give back. Leaves the line on every path, also when its frame is destroyed unresumed.
    /// Parameters by value: the coroutine starts later, after a temporary argument is gone.
    boost::asio::awaitable<outcome> wait(boost::asio::any_io_executor executor,
                                         std::chrono::steady_clock::time_point deadline)
    {
        waiter w(*this, executor, deadline);
        auto [timer_error] = co_await w.timer.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
        if (w.granted)
            co_return outcome{wait_end::granted, std::move(w.payload)};
        co_return outcome{timer_error ? wait_end::aborted : wait_end::deadline, Payload()};
    }

    /// Hands `payload` (possibly empty) to the longest waiting caller. Requires !empty().
    void grant_front(Payload payload)
    {
        waiter& w = line_.front();
        line_.pop_front();
        w.granted = true;
        w.payload = std::move(payload);
        w.timer.cancel();
    }

    /// Wakes every waiter without a payload (wait_end::aborted) and empties the line.
    void wake_all() noexcept
    {
        line_.clear_and_dispose([](waiter* w) { w->timer.cancel(); });
    }

private:
    struct waiter : boost::intrusive::list_base_hook<> {
        waiter(waiter_queue& queue, const boost::asio::any_io_executor& executor,
               std::chrono::steady_clock::time_point deadline)
            : queue(queue), timer(executor, deadline)
        {
            queue.line_.push_back(*this);
        }
        ~waiter()
        {
            if (is_linked())
                queue.line_.erase(queue.line_.iterator_to(*this));
        }
        waiter(const waiter&) = delete;
        waiter& operator=(const waiter&) = delete;

        waiter_queue& queue;
        boost::asio::steady_timer timer;  // expires at the deadline; cancelled to wake the waiter early
        bool granted = false;
        Payload payload;
    };

    boost::intrusive::list<waiter> line_;  // front: the longest waiting
};

}  // namespace slack::detail
