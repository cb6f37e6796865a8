// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// What every asynchronous public header shares: the Boost it needs, and the completion token an
/// operation takes when the caller gives none.
#include <boost/version.hpp>

// Checked first, so that an older Boost fails here with this message rather than deep in Asio:
// the headers use Asio's deferred and any_completion_handler, and Boost.URL, as of Boost 1.81.
#if BOOST_VERSION < 108100
#error "slack-asio needs Boost 1.81 or newer (BOOST_VERSION >= 108100)"
#endif

#include <boost/asio/deferred.hpp>

namespace slack {

/// The default completion token of every asynchronous operation: `deferred`, so that
/// `co_await op(...)` inside an asio::awaitable yields the result, and the operation can also be
/// composed further before it starts.
using default_completion_token = boost::asio::deferred_t;

}  // namespace slack
