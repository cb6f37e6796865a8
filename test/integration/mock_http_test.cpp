// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock server seen from outside: its HTTP endpoint for minting codes and its answers to
// malformed calls, through a plain Beast client over TLS (what a non-C++ test would use).
#include "integration/mock_requests.hpp"

using namespace slack::test;

BOOST_FIXTURE_TEST_SUITE(mock_http, mock_fixture)

BOOST_AUTO_TEST_CASE(codes_minted_over_http_can_be_exchanged_once)
{
    const std::string redirect = "https://example.com/cb?x=1";
    raw_reply minted = send(*this, http::verb::post, "/mock/codes", "application/x-www-form-urlencoded",
                            "redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1");
    BOOST_REQUIRE(minted.status == 200u);
    auto json = boost::json::parse(minted.body).as_object();
    BOOST_TEST(json.at("ok").as_bool());
    BOOST_TEST(json.at("expires_in").as_int64() == 600);
    auto p = params(std::string(json.at("code").as_string()));

    slack::diagnostics diag;
    BOOST_TEST((access(p, diag).error() == slack::api_errc::bad_redirect_uri));  // minted with a redirect URI
    p.redirect_uri = redirect;
    BOOST_TEST(access(p, diag).has_value());
    BOOST_TEST((access(p, diag).error() == slack::api_errc::code_already_used));
}

BOOST_AUTO_TEST_CASE(malformed_calls_get_slacks_answers)
{
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access")) == "missing_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", "application/xml", "<x/>")) ==
               "invalid_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::put, "/api/oauth.access")) == "invalid_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::get, "/api/oauth.access?code=%zz")) == "invalid_form_data");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", "application/x-www-form-urlencoded",
                                "code=%zz")) == "invalid_form_data");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/chat.postMessage", "application/x-www-form-urlencoded",
                                "")) == "unknown_method");
    BOOST_TEST(send(*this, http::verb::get, "/elsewhere").status == 404u);
    const auto recorded = server.requests();
    BOOST_TEST(recorded.size() == 7u);
    BOOST_TEST(recorded.back().target == "/elsewhere");
}

BOOST_AUTO_TEST_CASE(credentials_are_checked)
{
    const std::string form = "application/x-www-form-urlencoded";
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x")) == "invalid_client_id");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x", "Basic !!!")) ==
               "invalid_auth");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x", "Bearer xoxb-1")) ==
               "invalid_auth");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x", "Basic ====")) ==
               "invalid_auth");
}

BOOST_AUTO_TEST_CASE(arguments_come_from_the_query_string_too_and_get_is_accepted)
{
    auto ok = [](const raw_reply& r) {
        const auto body = boost::json::parse(r.body).as_object();
        return body.at("ok").as_bool();
    };
    const std::string token = server.mint_tokens({}).access_token;
    // The query is no part of the method's name.
    BOOST_TEST(ok(send(*this, http::verb::post, "/api/auth.test?x=1", {}, {}, "Bearer " + token)));
    BOOST_TEST(ok(send(*this, http::verb::get, "/api/auth.test?token=" + token)));
    BOOST_TEST(ok(send(*this, http::verb::get, "/api/auth.test", {}, {}, "Bearer " + token)));
    BOOST_TEST((server.requests().back().code == token));  // compared apart: a failure never prints a token
    BOOST_TEST(slack_error(send(*this, http::verb::get, "/api/auth.test")) == "not_authed");
    BOOST_TEST(slack_error(send(*this, http::verb::get, "/api/no.such.method?x=1")) == "unknown_method");

    // Query and body together; a name in both: the body's value.
    const raw_reply echoed =
        send(*this, http::verb::post, "/api/api.test?a=1&b=2", "application/x-www-form-urlencoded", "b=3&c=4");
    const auto args = boost::json::parse(echoed.body).as_object().at("args").as_object();
    BOOST_TEST(std::string(args.at("a").as_string()) == "1");
    BOOST_TEST(std::string(args.at("b").as_string()) == "3");
    BOOST_TEST(std::string(args.at("c").as_string()) == "4");
    BOOST_TEST(server.requests().back().target == "/api/api.test?a=1&b=2");

    // A code grant with its fields in the query, and by GET.
    auto p = params(server.mint_code(""));
    const std::string query = "?client_id=" + p.client_id + "&client_secret=" + p.client_secret + "&code=" + p.code;
    BOOST_TEST(ok(send(*this, http::verb::get, "/api/oauth.access" + query)));
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access" + query,
                                "application/x-www-form-urlencoded", "")) == "code_already_used");
}

BOOST_AUTO_TEST_SUITE_END()
