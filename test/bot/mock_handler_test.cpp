// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// server::handle(): a user's handler for any method, with the request recorded and the token
// checked as Slack's methods check it.
#include "bot/bot_fixture.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>

#include <boost/json/serialize.hpp>

#include <stdexcept>

using namespace slack;
using namespace slack::test;

BOOST_FIXTURE_TEST_SUITE(mock_handle, bot_fixture)

BOOST_AUTO_TEST_CASE(a_handler_gets_the_form_or_json_arguments_and_the_token)
{
    std::vector<std::string> got;
    server.handle("chat.postMessage", [&](const mock::method_request& request) {
        got.emplace_back(request.method);
        got.emplace_back(request.token);
        got.emplace_back(request.content_type);
        got.emplace_back(boost::json::serialize(request.arguments));
        return mock::method_answer::ok({{"channel", request.arguments.at("channel")}, {"ts", "1.2"}});
    });
    web::client c = client();
    const std::string token = server.mint_tokens().access_token;
    call_result posted = call(c, "chat.postMessage", {.form = {{"channel", "C1"}, {"text", "hi"}}}, token);
    BOOST_REQUIRE_MESSAGE(posted.has_value(),
                          describe(posted.has_error() ? posted.error() : boost::system::error_code(), diag));
    BOOST_TEST(posted->json().at("ts").as_string() == "1.2");
    BOOST_TEST(got == (std::vector<std::string>{"chat.postMessage", token, "application/x-www-form-urlencoded",
                                                R"({"channel":"C1","text":"hi"})"}),
               boost::test_tools::per_element());

    got.clear();
    posted = call(c, "chat.postMessage", {.json = R"({"channel":"C2","blocks":[{"type":"divider"}]})"}, token);
    BOOST_REQUIRE(posted.has_value());
    BOOST_TEST(got.at(2) == "application/json");
    BOOST_TEST(got.at(3) == R"({"channel":"C2","blocks":[{"type":"divider"}]})");

    const auto requests = server.requests();  // recorded as every request is
    BOOST_REQUIRE(requests.size() == 2u);
    BOOST_TEST(requests[0].target == "/api/chat.postMessage");
    BOOST_TEST(requests[0].body == "channel=C1&text=hi");
    BOOST_TEST(requests[0].code == token);
    BOOST_TEST(requests[0].status == 200u);
    BOOST_TEST(server.exchanges(token) == 2u);
}

BOOST_AUTO_TEST_CASE(the_token_is_checked_like_slacks_methods_unless_told_not_to)
{
    int calls = 0;
    server.handle("chat.postMessage", [&](const mock::method_request&) {
        ++calls;
        return mock::method_answer::ok();
    });
    web::client c = client();
    BOOST_TEST((call(c, "chat.postMessage", {}, "").error() == api_errc::not_authed));
    BOOST_TEST((call(c, "chat.postMessage", {}, "xoxb-never-minted").error() == api_errc::invalid_auth));
    const mock::minted_tokens refresh_only = server.mint_tokens();
    BOOST_TEST((call(c, "chat.postMessage", {}, refresh_only.refresh_token).error() == api_errc::invalid_auth));
    const std::string revoked = server.mint_tokens().access_token;
    BOOST_REQUIRE(call(c, "auth.revoke", {}, revoked).has_value());
    BOOST_TEST((call(c, "chat.postMessage", {}, revoked).error() == api_errc::token_revoked));
    BOOST_TEST(calls == 0);
    BOOST_TEST(call(c, "chat.postMessage", {}, "mock-any-bot").has_value());  // magic words pass
    BOOST_TEST(calls == 1);

    server.handle(
        "conversations.info",
        [&](const mock::method_request& request) {
            ++calls;
            return request.token.empty() ? mock::method_answer::ok() : mock::method_answer::error("token_given");
        },
        mock::token_check::none);
    BOOST_TEST(call(c, "conversations.info", {}, "").has_value());
    BOOST_TEST(calls == 2);
}

BOOST_AUTO_TEST_CASE(errors_statuses_and_a_throwing_handler)
{
    server.handle(
        "chat.postMessage",
        [](const mock::method_request& request) -> mock::method_answer {
            const std::string_view text = request.arguments.at("text").as_string();
            if (text == "throw")
                throw std::runtime_error("the handler failed");
            if (text == "status")
                return {.status = 503, .body = "{}"};
            return mock::method_answer::error("channel_not_found");
        },
        mock::token_check::none);
    web::client c = client();
    call_result r = call(c, "chat.postMessage", {.form = {{"text", "no"}}}, "");
    BOOST_TEST((r.error() == api_errc::channel_not_found));
    BOOST_TEST(diag.error == "channel_not_found");
    options.retry = retry_policy::none();
    web::client once = client();
    r = call(once, "chat.postMessage", {.form = {{"text", "throw"}}}, "");
    // A 500 after a request that is not idempotent: the client cannot know it was not processed.
    BOOST_TEST((r.error() == client_errc::outcome_unknown), describe(r.error(), diag));
    BOOST_TEST(diag.http_status == 500u);
    BOOST_TEST(server.requests().back().status == 500u);
    r = call(once, "chat.postMessage", {.form = {{"text", "status"}}}, "");
    BOOST_TEST(diag.http_status == 503u);
    BOOST_TEST(server.requests().back().status == 503u);
}

BOOST_AUTO_TEST_CASE(a_handler_replaces_a_built_in_method)
{
    server.handle("api.test", [](const mock::method_request&) { return mock::method_answer::ok({{"mine", true}}); });
    web::client c = client();
    call_result r = call(c, "api.test", {}, "mock-bot");
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(r->json().at("mine").as_bool());
}

BOOST_AUTO_TEST_SUITE_END()
