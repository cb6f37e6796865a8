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
    BOOST_TEST(slack_error(send(*this, http::verb::get, "/api/oauth.access")) == "invalid_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", "application/x-www-form-urlencoded",
                                "code=%zz")) == "invalid_form_data");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/chat.postMessage", "application/x-www-form-urlencoded",
                                "")) == "unknown_method");
    BOOST_TEST(send(*this, http::verb::get, "/elsewhere").status == 404u);
    const auto recorded = server.requests();
    BOOST_TEST(recorded.size() == 6u);
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

BOOST_AUTO_TEST_SUITE_END()
