// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Calls from a thread that does not run the io_context: the client is thread-safe (a strand),
// the io_context runs on a thread of its own, and use_future turns the call into a std::future.
//   example_use_future TOKEN      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <iostream>
#include <thread>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: example_use_future TOKEN\n";
        return 2;
    }
    boost::asio::io_context ioc;
    auto work = boost::asio::make_work_guard(ioc);  // keeps run() going between calls
    std::thread runner([&ioc] { ioc.run(); });
    slack::web::client client = example::make_client(ioc.get_executor(), {.thread_safe = true});

    // Blocks this thread, never the io_context's. The result never throws for API errors.
    std::future<boost::system::result<slack::web::auth_test_response>> pending =
        slack::web::auth(client).test({.token = argv[1]}, boost::asio::use_future);
    boost::system::result<slack::web::auth_test_response> who = pending.get();
    if (who)
        std::cout << "the token is " << who->user_id() << "'s on " << who->team() << '\n';
    else
        std::cerr << "auth.test failed: " << who.error().message() << '\n';

    work.reset();
    runner.join();
    return who ? 0 : 1;
}
