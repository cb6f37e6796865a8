// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A bot posts a message: its token comes from the token_provider (which refreshes a rotating
// token ahead of expiry, once, however many callers ask), the call goes through client.call().
//   example_bot_post TEAM_ID CHANNEL TEXT      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>

#include <iostream>

namespace asio = boost::asio;

asio::awaitable<int> post(slack::web::client& client, slack::install::token_provider& tokens, std::string team,
                          std::string channel, std::string text)
{
    auto token = co_await tokens.token({.team_id = team});  // the bot token of that workspace
    if (!token) {
        std::cerr << "no token for " << team << ": " << token.error().message() << '\n';
        co_return 1;
    }
    slack::diagnostics diag;
    auto posted =
        co_await client.call("chat.postMessage", {.form = {{"channel", channel}, {"text", text}}}, *token, diag);
    if (!posted) {  // e.g. channel_not_found, not_in_channel, ratelimited (after the retries)
        std::cerr << "chat.postMessage failed: " << posted.error().message() << " (Slack said: " << diag.error << ")\n";
        co_return 1;
    }
    const boost::json::object answer = posted->json();
    const std::string_view channel_id = answer.at("channel").as_string(), ts = answer.at("ts").as_string();
    std::cout << "posted to " << channel_id << " at " << ts << '\n';
    co_return 0;
}

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::cerr << "usage: example_bot_post TEAM_ID CHANNEL TEXT\n";
        return 2;
    }
    asio::io_context ioc;
    slack::web::client client = example::make_client(ioc.get_executor());
    auto store = example::open_store(ioc.get_executor());
    slack::install::token_provider tokens(client, *store, example::provider_options());
    int status = 1;
    asio::co_spawn(ioc, post(client, tokens, argv[1], argv[2], argv[3]),
                   [&](std::exception_ptr, int s) { status = s; });
    ioc.run();
    return status;
}
