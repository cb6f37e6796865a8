// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The id_token check on hand-built JWTs: the claims of a good token, then each refusal (shape,
// issuer, audience, expiry, nonce) and the order they come in.
#include <slack/install/id_token.hpp>

#include "crypto/base64.hpp"
#include "printing.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace slack;
using namespace std::chrono_literals;
namespace install = slack::install;
namespace json = boost::json;
using clock_type = std::chrono::system_clock;

namespace {

const clock_type::time_point now = clock_type::time_point(std::chrono::seconds(1'800'000'000));
const std::string client_id = "1111111111.2222222222";
const std::string nonce = "bm9uY2Utb2YtdGhlLXN0YXRl";

json::object good_claims()
{
    return {{"iss", "https://slack.com"},
            {"sub", "U0SUBJECT"},
            {"aud", client_id},
            {"exp", 1'800'000'300},
            {"iat", 1'800'000'000},
            {"auth_time", 1'800'000'000},
            {"nonce", nonce},
            {"https://slack.com/user_id", "U0USER"},
            {"https://slack.com/team_id", "T0TEAM"},
            {"https://slack.com/team_name", "Team Name"},
            {"https://slack.com/team_domain", "team-domain"},
            {"email", "someone@example.com"},
            {"email_verified", true},
            {"name", "Some One"},
            {"given_name", "Some"},
            {"family_name", "One"},
            {"picture", "https://avatars.example/U0USER_512.png"},
            {"locale", "en-US"}};
}

std::string jwt_of_payload(std::string_view payload)
{
    return crypto::base64url(R"({"typ":"JWT","alg":"RS256"})") + '.' + crypto::base64url(payload) + '.' +
           crypto::base64url("not checked: the token came over TLS");
}

std::string jwt(const json::object& claims) { return jwt_of_payload(json::serialize(claims)); }

/// The good claims with `key` set to `value` (or removed, for a null value).
std::string jwt_with(std::string_view key, json::value value)
{
    json::object claims = good_claims();
    if (value.is_null())
        claims.erase(key);
    else
        claims[key] = std::move(value);
    return jwt(claims);
}

install::id_token_expectations expected() { return {.client_id = client_id, .nonce = nonce}; }

install_errc refusal(const boost::system::result<install::id_token_claims>& r, std::string_view what)
{
    BOOST_TEST_INFO(what);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error().category() == install_category()));
    return static_cast<install_errc>(r.error().value());
}

install_errc refusal(const std::string& token, std::string_view what,
                     const install::id_token_expectations& with = expected())
{
    return refusal(install::check_id_token(token, with, now), what);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(id_token_tests)

BOOST_AUTO_TEST_CASE(a_good_token_yields_its_claims)
{
    const auto claims = install::check_id_token(jwt(good_claims()), expected(), now);
    BOOST_REQUIRE(claims.has_value());
    BOOST_TEST(claims->user_id == "U0USER");
    BOOST_TEST(claims->team_id == "T0TEAM");
    BOOST_TEST(claims->team_name == "Team Name");
    BOOST_TEST(claims->team_domain == "team-domain");
    BOOST_TEST(claims->enterprise_id.empty());
    BOOST_TEST(claims->email == "someone@example.com");
    BOOST_TEST(claims->email_verified);
    BOOST_TEST(claims->name == "Some One");
    BOOST_TEST(claims->given_name == "Some");
    BOOST_TEST(claims->family_name == "One");
    BOOST_TEST(claims->picture == "https://avatars.example/U0USER_512.png");
    BOOST_TEST(claims->locale == "en-US");
    BOOST_TEST((claims->issued_at == now));
    BOOST_TEST((claims->expires_at == now + 300s));
}

BOOST_AUTO_TEST_CASE(absent_profile_claims_are_empty_and_sub_names_the_user)
{
    json::object claims = good_claims();
    for (const char* key : {"https://slack.com/user_id", "email", "email_verified", "name", "picture", "locale"})
        claims.erase(key);
    claims["given_name"] = nullptr;  // null reads as absent
    const auto read = install::check_id_token(jwt(claims), expected(), now);
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->user_id == "U0SUBJECT");
    BOOST_TEST(read->email.empty());
    BOOST_TEST(!read->email_verified);
    BOOST_TEST(read->given_name.empty());
    BOOST_TEST(read->picture.empty());
}

BOOST_AUTO_TEST_CASE(the_nonce_must_be_the_states)
{
    using enum install_errc;
    BOOST_TEST(refusal(jwt_with("nonce", "bm9uY2Utb2YtYW5vdGhlcg"), "another nonce") == id_token_nonce_mismatch);
    BOOST_TEST(refusal(jwt_with("nonce", json::string(nonce + "x")), "a longer nonce") == id_token_nonce_mismatch);
    BOOST_TEST(refusal(jwt_with("nonce", nullptr), "no nonce claim") == id_token_nonce_mismatch);
    // Nothing sent, nothing accepted: a token carrying a nonce answers another request.
    BOOST_TEST(refusal(jwt(good_claims()), "unexpected nonce", {.client_id = client_id, .nonce = {}}) ==
               id_token_nonce_mismatch);
    BOOST_TEST(
        install::check_id_token(jwt_with("nonce", nullptr), {.client_id = client_id, .nonce = {}}, now).has_value());
}

BOOST_AUTO_TEST_CASE(the_audience_must_be_the_client_alone)
{
    using enum install_errc;
    BOOST_TEST(refusal(jwt_with("aud", "9999999999.8888888888"), "another app") == id_token_wrong_audience);
    BOOST_TEST(refusal(jwt_with("aud", json::array{client_id, "9999999999.8888888888"}), "and another app") ==
               id_token_wrong_audience);
    BOOST_TEST(refusal(jwt(good_claims()), "no client_id expected", {.client_id = {}, .nonce = nonce}) ==
               id_token_wrong_audience);
    BOOST_TEST(install::check_id_token(jwt_with("aud", json::array{client_id}), expected(), now).has_value());
}

BOOST_AUTO_TEST_CASE(the_issuer_must_be_the_configured_one)
{
    using enum install_errc;
    const std::string gov = jwt_with("iss", "https://slack-gov.com");
    BOOST_TEST(refusal(gov, "GovSlack's token, Slack expected") == id_token_wrong_issuer);
    BOOST_TEST(refusal(jwt_with("iss", "https://slack.com/"), "a trailing slash") == id_token_wrong_issuer);
    const install::id_token_expectations govslack{
        .client_id = client_id, .nonce = nonce, .issuer = "https://slack-gov.com"};
    BOOST_TEST(install::check_id_token(gov, govslack, now).has_value());
    BOOST_TEST(refusal(jwt(good_claims()), "Slack's token, GovSlack expected", govslack) == id_token_wrong_issuer);
}

BOOST_AUTO_TEST_CASE(expiry_allows_a_minute_of_clock_skew)
{
    const std::string token = jwt(good_claims());  // exp: now + 300 s
    BOOST_TEST(install::check_id_token(token, expected(), now + 360s).has_value());
    BOOST_TEST(refusal(install::check_id_token(token, expected(), now + 361s), "61 s past") ==
               install_errc::id_token_expired);
    // NumericDate may have a fraction (RFC 7519): read as its whole seconds.
    const std::string fractional = jwt_with("exp", 1'800'000'300.75);
    BOOST_TEST(install::check_id_token(fractional, expected(), now + 360s).has_value());
    BOOST_TEST(refusal(install::check_id_token(fractional, expected(), now + 361s), "a fractional exp, 61 s past") ==
               install_errc::id_token_expired);
    auto strict = expected();
    strict.clock_skew = 0s;
    BOOST_TEST(refusal(install::check_id_token(token, strict, now + 301s), "no skew") ==
               install_errc::id_token_expired);
}

BOOST_AUTO_TEST_CASE(a_token_that_is_not_a_jwt_with_its_claims_is_malformed)
{
    const std::string good = jwt(good_claims());
    const std::string header = good.substr(0, good.find('.'));
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "empty"},
        {good.substr(0, good.rfind('.')), "two parts"},
        {good + ".e30", "four parts"},
        {"." + good.substr(good.find('.') + 1), "no header"},
        {good.substr(0, good.rfind('.') + 1), "no signature"},
        {header + ".e30!.c2ln", "payload not base64url"},
        {header + ".e30=.c2ln", "payload padded"},
        {"e30!." + good.substr(good.find('.') + 1), "header not base64url"},
        {jwt_of_payload("not json"), "payload not JSON"},
        {jwt_of_payload(R"(["iss"])"), "payload an array"},
        {jwt_of_payload(R"({"iss":"https://slack.com"} trailing)"), "payload with trailing bytes"},
        {jwt_with("iss", nullptr), "no iss"},
        {jwt_with("sub", nullptr), "no sub"},
        {jwt_with("sub", ""), "empty sub"},
        {jwt_with("aud", nullptr), "no aud"},
        {jwt_with("aud", 7), "aud a number"},
        {jwt_with("aud", json::array{}), "aud an empty array"},
        {jwt_with("aud", json::array{client_id, 7}), "aud with a number"},
        {jwt_with("exp", nullptr), "no exp"},
        {jwt_with("exp", "1800000300"), "exp a string"},
        {jwt_with("exp", -0.5), "exp a fraction before 1970"},
        {jwt_with("exp", -1), "exp before 1970"},
        {jwt_with("exp", 99'999'999'999), "exp past year 2200"},
        {jwt_with("iat", nullptr), "no iat"},
        {jwt_with("iss", 1), "iss a number"},
        {jwt_with("nonce", 12), "nonce a number"},
        {jwt_with("email", true), "email a boolean"},
        {jwt_with("email_verified", "true"), "email_verified a string"},
        {jwt_with("https://slack.com/team_id", json::object{}), "team_id an object"},
    };
    for (const auto& [token, what] : cases)
        BOOST_TEST(refusal(token, what) == install_errc::id_token_malformed);
}

BOOST_AUTO_TEST_CASE(checks_come_in_their_order)
{
    using enum install_errc;
    json::object claims = good_claims();
    claims["nonce"] = "another";
    claims["exp"] = 1'700'000'000;
    BOOST_TEST(refusal(jwt(claims), "expired, wrong nonce") == id_token_expired);
    claims["aud"] = "9999999999.8888888888";
    BOOST_TEST(refusal(jwt(claims), "+ wrong audience") == id_token_wrong_audience);
    claims["iss"] = "https://issuer.example";
    BOOST_TEST(refusal(jwt(claims), "+ wrong issuer") == id_token_wrong_issuer);
    claims["email"] = 1;
    BOOST_TEST(refusal(jwt(claims), "+ malformed") == id_token_malformed);
}

BOOST_AUTO_TEST_CASE(refusals_never_quote_the_token_or_the_nonce)
{
    const std::string token = jwt_with("nonce", "bm9uY2Utb2YtYW5vdGhlcg");
    const auto r = install::check_id_token(token, expected(), now);
    BOOST_REQUIRE(r.has_error());
    const std::string message = r.error().message();
    BOOST_TEST(message.find(nonce) == std::string::npos);
    BOOST_TEST(message.find("bm9uY2Utb2YtYW5vdGhlcg") == std::string::npos);
    BOOST_TEST(message.find(token.substr(0, 10)) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
