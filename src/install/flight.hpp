// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One piece of work (a store lookup, a refresh) that many callers wait for: each waiter joins
// with a handler and may leave again (its deadline passed, it was cancelled) without cancelling
// the work for the others. Whoever takes a waiter out (the work when it ends, the deadline, the
// canceller) completes it, so each waiter completes exactly once. Guarded by the owner's mutex.
#include <slack/diagnostics.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slack::install::detail {

/// What a flight hands to each of its waiters: the token, and what Slack said on the way.
struct flight_outcome {
    boost::system::result<std::string> token = boost::system::error_code(boost::asio::error::operation_aborted);
    slack::diagnostics diag{};
};

using outcome_handler = boost::asio::any_completion_handler<void(flight_outcome)>;

class flight {
public:
    using clock = std::chrono::steady_clock;

    explicit flight(const boost::asio::any_io_executor& executor) : timer_(executor) {}

    /// Adds a waiter; a deadline makes it leave by then (see expire). Yields its id.
    std::uint64_t join(outcome_handler handler, std::optional<clock::time_point> deadline = std::nullopt)
    {
        waiters_.push_back({++last_id_, deadline, std::move(handler)});
        return last_id_;
    }

    /// Takes out waiter `id` if it still waits.
    std::optional<outcome_handler> leave(std::uint64_t id)
    {
        for (auto it = waiters_.begin(); it != waiters_.end(); ++it)
            if (it->id == id) {
                std::optional<outcome_handler> handler(std::move(it->handler));
                waiters_.erase(it);
                return handler;
            }
        return std::nullopt;
    }

    /// Takes out every waiter whose deadline is at or before `now`.
    std::vector<outcome_handler> expire(clock::time_point now)
    {
        std::vector<outcome_handler> expired;
        std::erase_if(waiters_, [&](waiter& w) {
            if (!w.deadline || *w.deadline > now)
                return false;
            expired.push_back(std::move(w.handler));
            return true;
        });
        return expired;
    }

    /// The earliest deadline of those still waiting.
    std::optional<clock::time_point> next_deadline() const
    {
        std::optional<clock::time_point> next;
        for (const waiter& w : waiters_)
            if (w.deadline && (!next || *w.deadline < *next))
                next = w.deadline;
        return next;
    }

    /// Takes out every waiter: the work is done, and `outcome` is what it yielded (kept for a
    /// waiter that joins late).
    std::vector<outcome_handler> finish(const flight_outcome& outcome)
    {
        outcome_ = outcome;
        std::vector<outcome_handler> all;
        for (waiter& w : waiters_)
            all.push_back(std::move(w.handler));
        waiters_.clear();
        timer_.cancel();
        return all;
    }

    /// What the work yielded, once it is done.
    const std::optional<flight_outcome>& outcome() const { return outcome_; }

    /// Fires at next_deadline(); the owner arms and cancels it under its mutex.
    boost::asio::steady_timer& timer() { return timer_; }

private:
    struct waiter {
        std::uint64_t id;
        std::optional<clock::time_point> deadline;
        outcome_handler handler;
    };
    // A list: its elements never move, and any_completion_handler's move assignment (which a
    // vector's erase would use) recurses without end in Boost 1.81.
    std::list<waiter> waiters_;
    std::uint64_t last_id_ = 0;
    std::optional<flight_outcome> outcome_;
    boost::asio::steady_timer timer_;
};

}  // namespace slack::install::detail
