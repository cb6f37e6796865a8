// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A response owns its text: the views it hands out survive moves, also of a copy, whatever the
// body's length (a short one would fit std::string's inline buffer).
#include "web/envelope.hpp"
#include "web/response_table.hpp"

#include <slack/web/api_response.hpp>

#include <boost/test/unit_test.hpp>

#include <memory>

using namespace slack::web::detail;

namespace {

constexpr field_spec ok_field[] = {{"", "ok", json_kind::boolean, 0}};

// The response client.call() would give for `body`.
slack::web::api_response response_to(std::string body)
{
    table_builder<slack::web::api_response> builder(response_table<slack::web::api_response>{"api.test", ok_field});
    attempt_result reply;
    reply.response_received = true;
    reply.request_written = true;
    reply.status = 200;
    reply.body = std::move(body);
    slack::diagnostics diag;
    attempt_outcome outcome;
    interpret_reply(reply, diag, builder, outcome);
    BOOST_REQUIRE(!outcome.error);
    std::string problem;
    BOOST_REQUIRE(!builder.finish(std::move(reply.body), problem));
    return std::move(builder.response);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(response_storage)

BOOST_AUTO_TEST_CASE(a_short_body_survives_a_copy_then_a_move)
{
    const slack::web::api_response original = response_to(R"({"ok":true})");
    BOOST_TEST(original.body() == R"({"ok":true})");
    // On the heap, so that a view left pointing into the destroyed copy shows under ASan too.
    auto copy = std::make_unique<slack::web::api_response>(original);
    const std::string_view body = copy->body();
    const slack::web::api_response moved = std::move(*copy);
    BOOST_TEST(static_cast<const void*>(moved.body().data()) == static_cast<const void*>(body.data()));
    BOOST_TEST(body == R"({"ok":true})");
    copy.reset();
    BOOST_TEST(body == R"({"ok":true})");
    BOOST_TEST(moved.ok());
    BOOST_TEST(original.body() == R"({"ok":true})");
}

BOOST_AUTO_TEST_CASE(a_copy_assigned_then_moved_keeps_its_views)
{
    slack::web::api_response assigned = response_to(R"({"ok":true,"padding":"longer than inline"})");
    assigned = response_to(R"({"ok":true})");
    auto copy = std::make_unique<slack::web::api_response>();
    *copy = assigned;
    const std::string_view body = copy->body();
    slack::web::api_response moved;
    moved = std::move(*copy);
    copy.reset();
    BOOST_TEST(body == R"({"ok":true})");
    BOOST_TEST(moved.body() == R"({"ok":true})");
}

BOOST_AUTO_TEST_SUITE_END()
