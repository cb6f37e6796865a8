// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Exchanges an OAuth code for a token: the README's example as a program.
//   SLACK_CLIENT_ID=... SLACK_CLIENT_SECRET=... ./example_access CODE [REDIRECT_URI]
#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdlib>
#include <iostream>

namespace asio = boost::asio;

asio::awaitable<void> install(slack::web::oauth& oauth, slack::web::access_params params)
{
    slack::diagnostics diag;
    boost::system::result<slack::web::access_response> r = co_await oauth.access(params, diag);
    if (r) {
        std::cout << "installed in " << r->team_name() << " with scopes " << r->scope() << "\n";
    } else if (r.error() == slack::condition::rate_limited) {
        std::cout << "Slack is busy; try again in " << diag.retry_after.value_or(std::chrono::seconds(0)).count()
                  << " s\n";
    } else {
        std::cout << "failed: " << r.error().message() << " (Slack said: " << diag.error << ")\n";
    }
}

int main(int argc, char** argv)
{
    const char* id = std::getenv("SLACK_CLIENT_ID");
    const char* secret = std::getenv("SLACK_CLIENT_SECRET");
    if (argc < 2 || !id || !secret) {
        std::cerr << "usage: SLACK_CLIENT_ID=... SLACK_CLIENT_SECRET=... example_access CODE [REDIRECT_URI]\n";
        return 2;
    }
    asio::io_context ioc;
    slack::web::client client(ioc.get_executor(), slack::web::make_tls_context(),
                              {.api_url = "https://slack.com/api/"});
    slack::web::oauth oauth(client);
    asio::co_spawn(
        ioc,
        install(oauth,
                {.client_id = id, .client_secret = secret, .code = argv[1], .redirect_uri = argc > 2 ? argv[2] : ""}),
        asio::detached);
    ioc.run();
}
