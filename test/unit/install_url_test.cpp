// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Authorize URLs (OAuth v2 and OpenID Connect) and the callback's query: every value survives
// a round trip through Boost.URL's parser, whatever characters it holds.
#include <slack/install/authorize_url.hpp>
#include <slack/install/redirect_query.hpp>

#include "printing.hpp"

#include <boost/test/unit_test.hpp>
#include <boost/url/parse.hpp>

#include <map>
#include <stdexcept>
#include <string>

using namespace slack;
namespace install = slack::install;
namespace urls = boost::urls;

namespace {

// The decoded query of `url` ('+' read as a space, as a form), key by key.
std::map<std::string, std::string> query_of(const std::string& url)
{
    const auto parsed = urls::parse_uri(url);
    BOOST_REQUIRE(parsed.has_value());
    std::map<std::string, std::string> out;
    for (const urls::param p : parsed->params(urls::encoding_opts(true)))
        out.emplace(p.key, p.value);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(authorize_urls)

BOOST_AUTO_TEST_CASE(every_parameter_in_order_and_encoded)
{
    const std::string url = install::authorize_url({.client_id = "123.456",
                                                    .scope = "chat:write,commands",
                                                    .user_scope = "search:read",
                                                    .redirect_uri = "https://app.example/cb?x=1 2",
                                                    .state = "AbC-_.xyz",
                                                    .team = "T012",
                                                    .code_challenge = "E9Melhoa2Owv"});
    BOOST_TEST(url ==
               "https://slack.com/oauth/v2/authorize?client_id=123.456&scope=chat%3Awrite%2Ccommands"
               "&user_scope=search%3Aread&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1+2&state=AbC-_.xyz"
               "&team=T012&code_challenge=E9Melhoa2Owv&code_challenge_method=S256");
}

BOOST_AUTO_TEST_CASE(reserved_characters_round_trip)
{
    const std::string awkward = "a+b c&d=e#f%g/h?i,j;k\xc3\xa9";
    const std::string url = install::authorize_url({.client_id = awkward,
                                                    .scope = awkward,
                                                    .user_scope = awkward,
                                                    .redirect_uri = awkward,
                                                    .state = awkward,
                                                    .team = awkward,
                                                    .code_challenge = awkward});
    const auto query = query_of(url);
    BOOST_TEST(query.size() == 8u);
    for (const char* key : {"client_id", "scope", "user_scope", "redirect_uri", "state", "team", "code_challenge"})
        BOOST_TEST(query.at(key) == awkward, key);
    BOOST_TEST(query.at("code_challenge_method") == "S256");
    BOOST_TEST(url.find(' ') == std::string::npos);
    BOOST_TEST(url.find('#') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_values_are_left_out)
{
    BOOST_TEST(install::authorize_url({.client_id = "1.2", .scope = "commands"}) ==
               "https://slack.com/oauth/v2/authorize?client_id=1.2&scope=commands");
    const std::string no_challenge = install::authorize_url({.client_id = "1.2", .state = "s"});
    BOOST_TEST(no_challenge.find("code_challenge") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(other_bases_govslack_and_the_mock)
{
    BOOST_TEST(install::authorize_url({.client_id = "1"}, "https://slack-gov.com") ==
               "https://slack-gov.com/oauth/v2/authorize?client_id=1");
    BOOST_TEST(install::authorize_url({.client_id = "1"}, "https://slack-gov.com/") ==
               "https://slack-gov.com/oauth/v2/authorize?client_id=1");
    BOOST_TEST(install::authorize_url({.client_id = "1"}, "https://127.0.0.1:40123") ==
               "https://127.0.0.1:40123/oauth/v2/authorize?client_id=1");
    BOOST_TEST(install::authorize_url({.client_id = "1"}, "http://127.0.0.1:8080/slack/") ==
               "http://127.0.0.1:8080/slack/oauth/v2/authorize?client_id=1");
}

BOOST_AUTO_TEST_CASE(a_base_that_is_not_an_http_url_throws)
{
    BOOST_CHECK_THROW(install::authorize_url({}, "slack.com"), std::invalid_argument);
    BOOST_CHECK_THROW(install::authorize_url({}, "ftp://slack.com"), std::invalid_argument);
    BOOST_CHECK_THROW(install::authorize_url({}, "https://slack.com/?a=1"), std::invalid_argument);
    BOOST_CHECK_THROW(install::authorize_url({}, "https:///path"), std::invalid_argument);
    BOOST_CHECK_THROW(install::openid_authorize_url({}, ""), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(openid_url_asks_for_a_code_with_the_openid_scope)
{
    const std::string url = install::openid_authorize_url(
        {.client_id = "1.2", .nonce = "n 1", .redirect_uri = "https://app.example/oidc", .state = "s", .team = "T1"});
    BOOST_TEST(url ==
               "https://slack.com/openid/connect/authorize?response_type=code&client_id=1.2&scope=openid"
               "&redirect_uri=https%3A%2F%2Fapp.example%2Foidc&state=s&nonce=n+1&team=T1");
    const auto query = query_of(install::openid_authorize_url(
        {.client_id = "1.2", .scope = "openid,email,profile", .code_challenge = "c"}, "https://slack-gov.com"));
    BOOST_TEST(query.at("scope") == "openid,email,profile");
    BOOST_TEST(query.at("code_challenge_method") == "S256");
}

BOOST_AUTO_TEST_CASE(the_header_example_compiles)
{
    struct {
        std::string state = "s";
    } issued;
    const std::string id = "1.2", callback = "https://app.example/cb";
    // From authorize_url.hpp, as written:
    std::string url = slack::install::authorize_url(
        {.client_id = id, .scope = "chat:write,commands", .redirect_uri = callback, .state = issued.state});
    BOOST_TEST(url.find("state=s") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(redirect_queries)

BOOST_AUTO_TEST_CASE(an_approval_carries_code_and_state_decoded)
{
    const auto q = install::parse_redirect_query("?code=4724469134.a%2Bb&state=x+y%2Ez");
    BOOST_REQUIRE(q.has_value());
    BOOST_TEST((q->code == "4724469134.a+b"));
    BOOST_TEST(q->state == "x y.z");
    BOOST_TEST(q->error.empty());
    BOOST_TEST(!install::authorize_error(*q));
}

BOOST_AUTO_TEST_CASE(a_refusal_carries_its_error)
{
    const auto denied = install::parse_redirect_query("error=access_denied&state=S");
    BOOST_REQUIRE(denied.has_value());
    BOOST_TEST(denied->state == "S");
    BOOST_TEST((install::authorize_error(*denied) == install_errc::access_denied));
    const auto failed = install::parse_redirect_query("error=invalid_scope&state=S");
    BOOST_REQUIRE(failed.has_value());
    BOOST_TEST((install::authorize_error(*failed) == install_errc::authorize_failed));
}

BOOST_AUTO_TEST_CASE(neither_code_nor_error_is_code_missing)
{
    for (const char* query : {"", "?", "state=S", "code=&state=S", "code=%zz&state=S", "other=1"})
        BOOST_TEST((install::parse_redirect_query(query).error() == install_errc::code_missing), query);
}

BOOST_AUTO_TEST_CASE(the_first_of_repeated_keys_counts)
{
    const auto q = install::parse_redirect_query("code=first&state=one&code=second&state=two&unrelated=x");
    BOOST_REQUIRE(q.has_value());
    BOOST_TEST((q->code == "first"));
    BOOST_TEST(q->state == "one");
}

BOOST_AUTO_TEST_SUITE_END()
