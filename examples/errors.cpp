// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// What to do with each kind of failure: test the error against slack::condition (the groups),
// or against a precise code (slack::api_errc: one per Slack error string).
//   example_errors CODE      (an oauth.v2.access code; environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

namespace asio = boost::asio;

asio::awaitable<int> exchange(slack::web::client& client, std::string code)
{
    const std::string id = example::env("SLACK_CLIENT_ID"), secret = example::env("SLACK_CLIENT_SECRET");
    slack::diagnostics diag;
    auto r =
        co_await slack::web::oauth(client).v2_access({.client_id = id, .client_secret = secret, .code = code}, diag);
    if (r) {
        std::cout << "ok: installed\n";
        co_return 0;
    }
    const boost::system::error_code e = r.error();
    if (e == slack::api_errc::invalid_code)  // one precise Slack error
        std::cout << "invalid_code: the code is wrong, expired or used: start the install again\n";
    else if (e == slack::condition::rate_limited)  // the client already waited and retried
        std::cout << "rate_limited: Slack asked to slow down (Retry-After "
                  << (diag.retry_after ? std::to_string(diag.retry_after->count()) + " s" : "absent") << ")\n";
    else if (e == slack::condition::outcome_unknown)  // never retry a code: it may be spent
        std::cout << "outcome_unknown: the code may have been used; check the installation before asking again\n";
    else if (e == slack::condition::transient)
        std::cout << "transient: Slack or the network failed; the user may try again later\n";
    else if (e == slack::condition::auth)
        std::cout << "auth: the app's credentials are wrong (" << diag.error << "): fix the configuration\n";
    else if (e == slack::condition::invalid_request)
        std::cout << "invalid_request: " << e.message() << '\n';
    else
        std::cout << "other: " << e.message() << '\n';
    co_return 1;
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: example_errors CODE\n";
        return 2;
    }
    asio::io_context ioc;
    slack::web::client client = example::make_client(ioc.get_executor());
    int status = 1;
    asio::co_spawn(ioc, exchange(client, argv[1]), [&](std::exception_ptr, int s) { status = s; });
    ioc.run();
    return status;
}
