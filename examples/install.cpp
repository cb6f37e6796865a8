// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Installs the app in a workspace: the code Slack sent to your redirect URI, exchanged with
// oauth.v2.access, becomes an installation kept in a store (where token_provider finds it).
//   example_install CODE [REDIRECT_URI]      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/install/installation_from.hpp>
#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>

namespace asio = boost::asio;

asio::awaitable<int> install(slack::web::client& client, slack::store::installation_store& store, std::string code,
                             std::string redirect_uri)
{
    const std::string id = example::env("SLACK_CLIENT_ID"), secret = example::env("SLACK_CLIENT_SECRET");
    slack::diagnostics diag;
    auto answer = co_await slack::web::oauth(client).v2_access(
        {.client_id = id, .client_secret = secret, .code = code, .redirect_uri = redirect_uri}, diag);
    if (!answer) {
        std::cerr << "install failed: " << answer.error().message() << '\n';
        co_return 1;
    }
    // Named first (g++ 12: no braced owning temporary inside co_await).
    const slack::store::installation installed = slack::install::installation_from(*answer);
    if (auto saved = co_await store.save(installed); !saved) {
        std::cerr << "could not keep the installation: " << saved.error().message() << '\n';
        co_return 1;
    }
    std::cout << "installed in " << installed.team_id << " (" << installed.team_name << ")\n";
    co_return 0;
}

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: example_install CODE [REDIRECT_URI]\n";
        return 2;
    }
    asio::io_context ioc;
    slack::web::client client = example::make_client(ioc.get_executor());
    auto store = example::open_store(ioc.get_executor());
    int status = 1;
    asio::co_spawn(ioc, install(client, *store, argv[1], argc > 2 ? argv[2] : ""),
                   [&](std::exception_ptr, int s) { status = s; });
    ioc.run();
    return status;
}
