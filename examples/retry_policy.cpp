// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A retry policy of your own: any callable taking attempt_info. This one waits out rate limits
// (as Slack's Retry-After says, up to a minute) and gives up at once on anything else.
//   example_retry_policy TOKEN      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

slack::retry_decision only_rate_limits(const slack::attempt_info& info)
{
    using namespace std::chrono_literals;
    if (info.error != slack::condition::rate_limited || info.attempt >= 5)
        return {.retry = false, .reason = "only rate limits are retried, four times"};
    const std::chrono::milliseconds wait = info.retry_after.value_or(1s);
    if (wait > 60s || wait > info.time_left)
        return {.retry = false, .reason = "Slack asks for a longer wait than we have"};
    return {.retry = true, .delay = wait, .reason = "rate limited: waiting as Slack asked"};
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: example_retry_policy TOKEN\n";
        return 2;
    }
    boost::asio::io_context ioc;
    slack::web::client_options options;
    options.retry = only_rate_limits;
    options.timeout = std::chrono::minutes(2);  // bounds the whole call, waits included
    slack::web::client client = example::make_client(ioc.get_executor(), std::move(options));
    slack::diagnostics diag;
    int status = 1;
    slack::web::auth(client).test({.token = argv[1]}, diag, [&](auto who) {
        status = who ? 0 : 1;
        std::cout << (who ? "auth.test answered" : "auth.test failed") << " after " << diag.attempts << " attempt(s)\n";
    });
    ioc.run();
    return status;
}
