// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Whether the coroutine running this was cancelled: its cancellation state reaches only the
// operations started after the signal, so each step checks before it starts another.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/this_coro.hpp>

namespace slack::install::detail {

inline boost::asio::awaitable<bool> cancelled()
{
    const boost::asio::cancellation_state state = co_await boost::asio::this_coro::cancellation_state;
    co_return state.cancelled() != boost::asio::cancellation_type::none;
}

}  // namespace slack::install::detail
