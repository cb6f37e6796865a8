// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Runs a test's body, a coroutine, on an io_context with a deadline: a store operation that
// never completes fails the test instead of hanging it.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <exception>

namespace slack::test {

/// `body` is a callable returning boost::asio::awaitable<void>; it must outlive the call.
template <class Body>
void run(boost::asio::io_context& io, Body& body, std::chrono::seconds limit = std::chrono::seconds(60))
{
    bool finished = false;
    std::exception_ptr thrown;
    boost::asio::co_spawn(io, body(), [&](std::exception_ptr e) {
        finished = true;
        thrown = e;
    });
    io.restart();
    io.run_for(limit);
    BOOST_REQUIRE_MESSAGE(finished, "the test's io_context did not finish within its deadline");
    if (thrown)
        std::rethrow_exception(thrown);
}

}  // namespace slack::test
