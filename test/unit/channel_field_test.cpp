// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The `channel` of a request body, for the limiter's per-channel keys (src/web/rate/channel_field.hpp).
#include "web/rate/channel_field.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

std::string channel_of(std::string_view body, std::string_view content_type)
{
    std::string out = "stale";
    slack::web::detail::channel_field(body, content_type, out);
    return out;
}

const std::string_view form = "application/x-www-form-urlencoded";
const std::string_view json = "application/json; charset=utf-8";

}  // namespace

BOOST_AUTO_TEST_SUITE(channel_field)

BOOST_AUTO_TEST_CASE(form_bodies)
{
    BOOST_TEST(channel_of("channel=C123&text=hi", form) == "C123");
    BOOST_TEST(channel_of("text=a%26channel%3DX&channel=C9", form) == "C9");  // not inside another value
    BOOST_TEST(channel_of("text=hi&channel=%23general", form) == "#general");
    BOOST_TEST(channel_of("text=hi", form).empty());
    BOOST_TEST(channel_of("", form).empty());
}

BOOST_AUTO_TEST_CASE(json_bodies_top_level_only)
{
    BOOST_TEST(channel_of(R"({"channel":"C123","text":"hi"})", json) == "C123");
    BOOST_TEST(channel_of(R"({"blocks":[{"channel":"X"}],"channel":"C1"})", json) == "C1");
    BOOST_TEST(channel_of(R"({"blocks":[{"channel":"X"}]})", json).empty());
    BOOST_TEST(channel_of(R"({"channel":{"id":"X"}})", json).empty());
    BOOST_TEST(channel_of(R"({"channel":"C\u0031"})", json) == "C1");
    BOOST_TEST(channel_of(R"({"channel":"C1","channel":"C2"})", json) == "C2");
    BOOST_TEST(channel_of(R"({"channel":"C1")", json).empty());  // truncated: nothing trusted
    BOOST_TEST(channel_of("not json", json).empty());
}

BOOST_AUTO_TEST_SUITE_END()
