// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock the examples run against (examples_test.sh): slack::mock::server with a bot's
// methods registered, chat.postMessage and a paged conversations.list. Writes its CA to
// argv[1], prints "listening at URL", serves for at most argv[2] seconds (default 120).
#include <slack/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/json/array.hpp>

#include <iostream>
#include <string>

namespace mock = slack::mock;
namespace json = boost::json;

namespace {

// The argument `name` as a string, empty when absent or not a string.
std::string argument(const mock::method_request& request, std::string_view name)
{
    const json::value* value = request.arguments.if_contains(name);
    return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

mock::method_answer post_message(const mock::method_request& request)
{
    const std::string channel = argument(request, "channel"), text = argument(request, "text");
    if (channel.empty())
        return mock::method_answer::error("channel_not_found");
    if (text.empty())
        return mock::method_answer::error("no_text");
    if (channel == "C404")
        return mock::method_answer::error("channel_not_found");
    return mock::method_answer::ok({{"channel", channel}, {"ts", "1700000000.000100"}, {"message", {{"text", text}}}});
}

// Five channels, `limit` a page (default 100); the cursor is the index of the page's first.
mock::method_answer list_conversations(const mock::method_request& request)
{
    const std::string limit_text = argument(request, "limit"), cursor = argument(request, "cursor");
    const std::size_t limit = limit_text.empty() ? 100 : std::stoul(limit_text);
    const std::size_t first = cursor.empty() ? 0 : std::stoul(cursor), count = 5;
    json::array channels;
    for (std::size_t i = first; i < first + limit && i < count; ++i)
        channels.push_back(
            json::object{{"id", "C" + std::to_string(i + 1)}, {"name", "channel-" + std::to_string(i + 1)}});
    const std::string next = first + limit < count ? std::to_string(first + limit) : "";
    return mock::method_answer::ok({{"channels", channels}, {"response_metadata", {{"next_cursor", next}}}});
}

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: examples_mock CA_FILE [SECONDS]\n";
        return 2;
    }
    boost::asio::io_context ioc;
    mock::server server(ioc.get_executor());
    server.handle("chat.postMessage", post_message);
    server.handle("conversations.list", list_conversations);
    server.start();
    server.write_ca_file(argv[1]);
    std::cout << "listening at " << server.api_url() << std::endl;
    ioc.run_for(std::chrono::seconds(argc > 2 ? std::stoi(argv[2]) : 120));
}
