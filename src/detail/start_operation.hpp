// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How every asynchronous operation of the library starts and ends, so that all keep the same
// promises: the handler runs exactly once, never inside the initiating call, on its own associated
// executor (the operation's when it has none), and its cancellation slot reaches the coroutine.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

#include <exception>
#include <type_traits>
#include <utility>

namespace slack::detail {

/// The default `finish` of start_operation: the handler receives the coroutine's result as it is.
struct pass_result {
    template <class Handler, class T>
    void operator()(Handler&& handler, T&& result) const
    {
        std::move(handler)(std::forward<T>(result));
    }
};

/// Runs `work` on `run_on` and completes `handler` with `finish(std::move(handler), result)`.
/// co_spawn gives the promises above: it starts the coroutine through the executor (so never
/// inline), and its default filter lets a terminal cancellation of the handler's slot reach
/// `work` and every operation it awaits. An exception from `work` (errors are values: only a
/// caller's hook or allocation throws) is rethrown from the completion, leaving through
/// io_context::run() like any handler's; unless `finish` also takes an exception_ptr
/// (`finish(handler, exception, result)`), for operations that turn it into an error code.
template <class T, class Handler, class Finish = pass_result>
void start_operation(const boost::asio::any_io_executor& run_on, boost::asio::awaitable<T> work, Handler handler,
                     Finish finish = {})
{
    auto slot = boost::asio::get_associated_cancellation_slot(handler);
    auto executor = boost::asio::get_associated_executor(handler, run_on);
    auto complete = [handler = std::move(handler), finish = std::move(finish)](std::exception_ptr thrown,
                                                                               T result) mutable {
        if constexpr (std::is_invocable_v<Finish&, Handler&&, std::exception_ptr, T&&>) {
            finish(std::move(handler), thrown, std::move(result));
        } else {
            if (thrown)
                std::rethrow_exception(thrown);
            finish(std::move(handler), std::move(result));
        }
    };
    boost::asio::co_spawn(
        run_on, std::move(work),
        boost::asio::bind_cancellation_slot(slot, boost::asio::bind_executor(executor, std::move(complete))));
}

/// Completes `handler` with `values` without starting anything (a refusal, a cached answer):
/// posted, so never inside the initiating call, and run on the handler's associated executor
/// (`fallback` when it has none).
template <class Handler, class... Values>
void complete_posted(const boost::asio::any_io_executor& fallback, Handler handler, Values&&... values)
{
    boost::asio::post(fallback, boost::asio::append(std::move(handler), std::forward<Values>(values)...));
}

}  // namespace slack::detail
