// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// What goes on the wire without a server: a rate key's name (with its hash tag) and a command in
// RESP.
#include "redis/command.hpp"
#include "web/rate/redis_key.hpp"

#include <boost/test/unit_test.hpp>

namespace detail = slack::web::detail;

BOOST_AUTO_TEST_SUITE(redis_wire)

BOOST_AUTO_TEST_CASE(a_key_names_app_workspace_method_and_channel)
{
    const slack::web::rate_key plain{"T123", "conversations.history", "", false};
    BOOST_TEST(detail::redis_key("bot", plain) == "slack:rl:{bot:T123}:conversations.history");
    const slack::web::rate_key channel{"E9", "chat.postMessage", "C42", false};
    BOOST_TEST(detail::redis_key("bot", channel) == "slack:rl:{bot:E9}:chat.postMessage:C42");
}

// Parts that would change the name's shape, or make it huge, go in as digests: no two keys share
// a name, the hash tag stays whole, and the name stays short.
BOOST_AUTO_TEST_CASE(odd_parts_become_digests)
{
    const slack::web::rate_key colon{"prod:T1", "m", "", false};
    const slack::web::rate_key plain{"T1", "m", "", false};
    BOOST_TEST(detail::redis_key("acme", colon) != detail::redis_key("acme:prod", plain));
    const std::string brace = detail::redis_key("bot", {"T1}x{", "m", "", false});
    BOOST_TEST(brace.find('}') == brace.rfind('}'));  // one closing brace: the hash tag's
    BOOST_TEST(brace.starts_with("slack:rl:{bot:#"));
    const std::string huge = detail::redis_key("bot", {"T1", "chat.postMessage", std::string(1 << 20, 'C'), false});
    BOOST_TEST(huge.size() < 100u);
    BOOST_TEST((detail::redis_key("bot", {"#x", "m", "", false}) != detail::redis_key("bot", {"x", "m", "", false})));
    // The same part, the same digest: replicas agree.
    BOOST_TEST(detail::redis_key("bot", colon) == detail::redis_key("bot", colon));
}

BOOST_AUTO_TEST_CASE(a_command_is_an_array_of_bulk_strings)
{
    std::string out = "x";
    slack::redis::append_command(out, {"SET", "k", "", "a\r\nb"});
    BOOST_TEST(out == "x*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n$4\r\na\r\nb\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
