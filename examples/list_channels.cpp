// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Lists a workspace's channels, every page: paginate() follows response_metadata.next_cursor,
// each page one client.call() (so the rate-limit gate and retries apply to each).
//   example_list_channels TEAM_ID      (environment: example_env.hpp)
#include "example_env.hpp"

#include <slack/slack.hpp>
#include <slack/web/paginate.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/object.hpp>

#include <iostream>

namespace asio = boost::asio;

asio::awaitable<int> list(slack::web::client& client, slack::install::token_provider& tokens, std::string team)
{
    auto token = co_await tokens.token({.team_id = team});
    if (!token) {
        std::cerr << "no token for " << team << ": " << token.error().message() << '\n';
        co_return 1;
    }
    std::size_t channels = 0;
    const auto print = [&channels](const slack::web::api_response& page) {
        const boost::json::object body = page.json();
        for (const boost::json::value& channel : body.at("channels").as_array()) {
            std::cout << std::string_view(channel.at("id").as_string()) << '\n';
            ++channels;
        }
        return true;  // false would stop here; read->next_cursor then says where to resume
    };
    // A small limit to show the paging; Slack recommends at most 200. Reading is idempotent.
    auto read = co_await slack::web::paginate(client, "conversations.list",
                                              {.call = {.form = {{"limit", "2"}}, .idempotent = true}, .max_pages = 50},
                                              *token, print);
    if (!read) {
        std::cerr << "conversations.list failed after " << channels << " channels: " << read.error().message() << '\n';
        co_return 1;
    }
    std::cout << channels << " channels in " << read->pages << " pages\n";
    co_return 0;
}

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: example_list_channels TEAM_ID\n";
        return 2;
    }
    asio::io_context ioc;
    slack::web::client client = example::make_client(ioc.get_executor());
    auto store = example::open_store(ioc.get_executor());
    slack::install::token_provider tokens(client, *store, example::provider_options());
    int status = 1;
    asio::co_spawn(ioc, list(client, tokens, argv[1]), [&](std::exception_ptr, int s) { status = s; });
    ioc.run();
    return status;
}
