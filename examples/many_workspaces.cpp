// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Many workspaces at once on one client: one coroutine per token, all on one io_context
// thread, sharing the client's connection pool. Each workspace has its own rate limit: give its
// id as rate_key, and one workspace's 429 never holds back the others.
//   example_many_workspaces TEAM_ID=TOKEN...      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <iostream>
#include <string>

namespace asio = boost::asio;

asio::awaitable<void> check(slack::web::client& client, std::string team, std::string token, int& failures)
{
    auto r = co_await client.call("auth.test", {.idempotent = true, .rate_key = team}, token);
    if (r) {
        std::cout << team << ": ok\n";
    } else {
        std::cout << team << ": " << r.error().message() << '\n';
        ++failures;
    }
}

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: example_many_workspaces TEAM_ID=TOKEN...\n";
        return 2;
    }
    asio::io_context ioc;
    slack::web::client client = example::make_client(ioc.get_executor(), {.max_connections = 4});
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const std::size_t equals = arg.find('=');
        asio::co_spawn(ioc, check(client, arg.substr(0, equals), arg.substr(equals + 1), failures), asio::detached);
    }
    ioc.run();  // all of them at once, at most 4 connections
    std::cout << client.stats().connections_opened << " connections for " << argc - 1 << " workspaces\n";
    return failures == 0 ? 0 : 1;
}
