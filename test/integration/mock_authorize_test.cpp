// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock's authorize pages with the install flow's pure parts: a URL from authorize_url, the
// mock's redirect parsed by parse_redirect_query, the state verified with its cookie, and the
// code exchanged with the PKCE verifier derived from the state. Codes and verifiers are compared
// inside BOOST_TEST((...)) so that a failure never prints one.
#include "integration/mock_requests.hpp"

#include <slack/install/authorize_url.hpp>
#include <slack/install/redirect_query.hpp>
#include <slack/install/state.hpp>

#include "crypto/base64.hpp"

#include <boost/url/parse.hpp>

using namespace slack::test;
namespace install = slack::install;
namespace mock = slack::mock;
namespace web = slack::web;
namespace urls = boost::urls;

namespace {

const std::string state_secret = "state-secret-for-the-authorize-tests-0123";
const std::string redirect = "https://app.example/slack/callback?tenant=7";

struct authorize_fixture : mock_fixture {
    explicit authorize_fixture(mock::server_options o = {}) : mock_fixture(std::move(o)) {}

    /// GET of `url` (an authorize URL on the mock) from a browser.
    raw_reply open(const std::string& url)
    {
        const auto parsed = urls::parse_uri(url);
        BOOST_REQUIRE(parsed.has_value());
        return send(*this, http::verb::get, std::string(parsed->encoded_target()));
    }

    /// The query the browser comes back with, from a 302's Location.
    install::redirect_query follow(const raw_reply& reply, std::string_view expected_start = redirect)
    {
        BOOST_REQUIRE_EQUAL(reply.status, 302u);
        BOOST_REQUIRE(reply.location.starts_with(expected_start));
        const auto location = urls::parse_uri(reply.location);
        BOOST_REQUIRE(location.has_value());
        BOOST_TEST(location->params().contains("tenant"));  // redirect_uri's own query kept
        const auto query = install::parse_redirect_query(location->encoded_query());
        BOOST_REQUIRE(query.has_value());
        return *query;
    }

    template <class Result, class Start>
    Result once(Start start)
    {
        std::optional<Result> out;
        start([&](Result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    std::string_view id() const { return server.options().client_id; }
    std::string_view secret() const { return server.options().client_secret; }

    install::state_signer signer{state_secret};
};

/// The default server_options with `edit` applied.
template <class Edit>
mock::server_options options_with(Edit edit)
{
    mock::server_options o;
    edit(o);
    return o;
}

struct declining_fixture : authorize_fixture {
    declining_fixture() : authorize_fixture(options_with([](mock::server_options& o) { o.decline_authorize = true; }))
    {
    }
};

struct configured_fixture : authorize_fixture {
    configured_fixture() : authorize_fixture(options_with([](mock::server_options& o) { o.redirect_url = redirect; }))
    {
    }
};

using v2_result = boost::system::result<web::v2_access_response>;
using token_result = boost::system::result<web::openid_token_response>;

/// The claims of a JWT-shaped id_token (its middle part), as JSON.
boost::json::object claims_of(std::string_view id_token)
{
    const std::size_t first = id_token.find('.'), second = id_token.find('.', first + 1);
    BOOST_REQUIRE(second != std::string_view::npos);
    const auto payload = slack::crypto::from_base64url(id_token.substr(first + 1, second - first - 1));
    BOOST_REQUIRE(payload.has_value());
    return boost::json::parse(*payload).as_object();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(mock_authorize, authorize_fixture)

BOOST_AUTO_TEST_CASE(an_install_with_pkce_from_authorize_url_to_tokens)
{
    const install::issued_state issued = signer.issue();
    const web::pkce_pair pkce = issued.pkce;
    const std::string url = install::authorize_url({.client_id = id(),
                                                    .scope = "chat:write,commands",
                                                    .user_scope = "search:read",
                                                    .redirect_uri = redirect,
                                                    .state = issued.state,
                                                    .code_challenge = pkce.challenge},
                                                   server.base_url());
    const install::redirect_query back = follow(open(url));
    BOOST_TEST(back.state == issued.state);
    BOOST_TEST(!install::authorize_error(back));

    // The callback, on another replica: only the secret is shared.
    const install::state_signer replica(state_secret);
    const auto verified =
        replica.verify(back.state, "theme=dark; " + issued.set_cookie.substr(0, issued.set_cookie.find(';')));
    BOOST_REQUIRE(verified.has_value());
    const web::pkce_pair derived = verified->pkce;

    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    const v2_result wrong = once<v2_result>([&](auto h) {
        web::oauth(client).v2_access({.client_id = id(),
                                      .client_secret = secret(),
                                      .code = back.code,
                                      .code_verifier = web::make_pkce().verifier,
                                      .redirect_uri = redirect},
                                     diag, h);
    });
    BOOST_TEST((wrong.error() == slack::api_errc::invalid_code_verifier));
    const v2_result tokens = once<v2_result>([&](auto h) {
        web::oauth(client).v2_access({.client_id = id(),
                                      .client_secret = secret(),
                                      .code = back.code,
                                      .code_verifier = derived.verifier,
                                      .redirect_uri = redirect},
                                     diag, h);
    });
    BOOST_REQUIRE(tokens.has_value());
    BOOST_TEST(tokens->scope() == "chat:write,commands");
    BOOST_REQUIRE(tokens->user().has_value());
    BOOST_TEST(tokens->user()->scope == "search:read");
    BOOST_TEST(!tokens->user()->access_token.empty());
    BOOST_TEST((server.exchanges(back.code) == 2u));
}

BOOST_AUTO_TEST_CASE(the_code_carries_the_redirect_uri_and_is_single_use)
{
    const install::issued_state issued = signer.issue();
    const install::redirect_query back = follow(open(install::authorize_url(
        {.client_id = id(), .scope = "commands", .redirect_uri = redirect, .state = issued.state}, server.base_url())));
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    auto exchange = [&](std::string_view redirect_uri) {
        return once<v2_result>([&](auto h) {
            web::oauth(client).v2_access(
                {.client_id = id(), .client_secret = secret(), .code = back.code, .redirect_uri = redirect_uri}, diag,
                h);
        });
    };
    BOOST_TEST((exchange("https://elsewhere.example/cb").error() == slack::api_errc::bad_redirect_uri));
    BOOST_TEST(exchange(redirect).has_value());
    BOOST_TEST((exchange(redirect).error() == slack::api_errc::invalid_code));
}

BOOST_AUTO_TEST_CASE(a_redirect_uri_without_a_query_gets_one)
{
    const raw_reply reply = open(install::authorize_url(
        {.client_id = id(), .scope = "commands", .redirect_uri = "http://localhost:3000/cb", .state = "a b+c"},
        server.base_url()));
    BOOST_REQUIRE_EQUAL(reply.status, 302u);
    BOOST_TEST(reply.location.starts_with("http://localhost:3000/cb?code="));
    BOOST_TEST(reply.location.ends_with("&state=a+b%2Bc"));
    BOOST_TEST(install::parse_redirect_query(urls::parse_uri(reply.location)->encoded_query())->state == "a b+c");
}

BOOST_AUTO_TEST_CASE(mock_decline_in_the_scope_answers_access_denied)
{
    const raw_reply reply = open(install::authorize_url(
        {.client_id = id(), .scope = "commands,mock-decline", .redirect_uri = redirect, .state = "S1"},
        server.base_url()));
    const install::redirect_query back = follow(reply);
    BOOST_TEST(back.code.empty());
    BOOST_TEST(back.state == "S1");
    BOOST_TEST((install::authorize_error(back) == slack::install_errc::access_denied));
    BOOST_TEST(server.memory().live_codes == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_or_missing_client_id_and_missing_redirect_uri_are_error_pages)
{
    auto page = [&](const install::authorize_params& p) { return open(install::authorize_url(p, server.base_url())); };
    for (const raw_reply& reply :
         {page({.client_id = "9999.0000", .scope = "commands", .redirect_uri = redirect}),
          page({.scope = "commands", .redirect_uri = redirect}), page({.client_id = id(), .scope = "commands"}),
          page({.client_id = id(), .redirect_uri = "::not a uri"})}) {
        BOOST_TEST(reply.status == 400u);
        BOOST_TEST(reply.content_type.starts_with("text/html"));
        BOOST_TEST(reply.location.empty());
    }
    BOOST_TEST(page({.client_id = "9999.0000", .redirect_uri = redirect}).body.find("Invalid client_id") !=
               std::string::npos);
    // No redirect_uri and no Redirect URL configured: the page says both.
    BOOST_TEST(page({.client_id = id(), .scope = "commands"}).body.find("no Redirect URL is configured") !=
               std::string::npos);
    // Only S256: a challenge with another method.
    const raw_reply plain =
        send(*this, http::verb::get,
             "/oauth/v2/authorize?client_id=" + std::string(id()) +
                 "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&code_challenge=x&code_challenge_method=plain");
    BOOST_TEST(plain.status == 400u);
    BOOST_TEST(server.memory().live_codes == 0u);
}

BOOST_AUTO_TEST_CASE(openid_sign_in_gives_a_code_for_openid_connect_token)
{
    const install::issued_state issued = signer.issue();
    const std::string url = install::openid_authorize_url({.client_id = id(),
                                                           .scope = "openid,email",
                                                           .nonce = issued.nonce,
                                                           .redirect_uri = redirect,
                                                           .state = issued.state},
                                                          server.base_url());
    const install::redirect_query back = follow(open(url));
    BOOST_TEST(back.state == issued.state);
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    const v2_result wrong_method = once<v2_result>([&](auto h) {
        web::oauth(client).v2_access(
            {.client_id = id(), .client_secret = secret(), .code = back.code, .redirect_uri = redirect}, diag, h);
    });
    BOOST_TEST((wrong_method.error() == slack::api_errc::invalid_code));  // minted for openid.connect.token
    const token_result token = once<token_result>([&](auto h) {
        web::openid(client).token(
            {.client_id = id(), .client_secret = secret(), .code = back.code, .redirect_uri = redirect}, diag, h);
    });
    BOOST_REQUIRE(token.has_value());
    BOOST_TEST(!token->access_token().empty());
    const boost::json::object claims = claims_of(token->id_token());
    BOOST_TEST((claims.at("nonce").as_string() == issued.nonce));  // the page's nonce, kept with the code
    BOOST_TEST((claims.at("aud").as_string() == id()));
    // Without response_type=code the page refuses.
    BOOST_TEST(send(*this, http::verb::get,
                    "/openid/connect/authorize?client_id=" + std::string(id()) +
                        "&redirect_uri=https%3A%2F%2Fapp.example%2Fcb")
                   .status == 400u);
}

BOOST_AUTO_TEST_CASE(an_id_token_has_a_nonce_claim_only_when_its_code_has_a_nonce)
{
    web::client client(ioc.get_executor(), tls, options);
    auto exchange = [&](std::string_view nonce) {
        const std::string code = server.mint_code(
            mock::code_options{.method = "openid.connect.token", .scope = "openid", .user_scope = {}, .nonce = nonce});
        return once<token_result>([&](auto h) {
            web::openid(client).token({.client_id = id(), .client_secret = secret(), .code = code}, h);
        });
    };
    const token_result with = exchange("n-0123456789");
    BOOST_REQUIRE(with.has_value());
    BOOST_TEST((claims_of(with->id_token()).at("nonce").as_string() == "n-0123456789"));
    const token_result without = exchange({});
    BOOST_REQUIRE(without.has_value());
    BOOST_TEST(!claims_of(without->id_token()).contains("nonce"));
    // A refresh answers no authorize request: no nonce either.
    const token_result refreshed = once<token_result>([&](auto h) {
        web::openid(client).refresh(
            {.client_id = id(), .client_secret = secret(), .refresh_token = with->refresh_token()}, h);
    });
    BOOST_REQUIRE(refreshed.has_value());
    BOOST_TEST(!claims_of(refreshed->id_token()).contains("nonce"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(mock_authorize_declining, declining_fixture)

BOOST_AUTO_TEST_CASE(the_decline_option_answers_access_denied_on_both_pages)
{
    const install::redirect_query v2 = follow(open(install::authorize_url(
        {.client_id = id(), .scope = "commands", .redirect_uri = redirect, .state = "S2"}, server.base_url())));
    BOOST_TEST((install::authorize_error(v2) == slack::install_errc::access_denied));
    BOOST_TEST(v2.state == "S2");
    const install::redirect_query openid = follow(open(install::openid_authorize_url(
        {.client_id = id(), .redirect_uri = redirect, .state = "S3"}, server.base_url())));
    BOOST_TEST((install::authorize_error(openid) == slack::install_errc::access_denied));
    BOOST_TEST(openid.code.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(mock_authorize_configured, configured_fixture)

BOOST_AUTO_TEST_CASE(without_redirect_uri_the_configured_redirect_url_is_used)
{
    const install::redirect_query back = follow(
        open(install::authorize_url({.client_id = id(), .scope = "commands", .state = "S4"}, server.base_url())));
    BOOST_TEST(back.state == "S4");
    // The page was sent no redirect_uri, so the exchange needs none.
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    const v2_result installed = once<v2_result>([&](auto h) {
        web::oauth(client).v2_access({.client_id = id(), .client_secret = secret(), .code = back.code}, diag, h);
    });
    BOOST_TEST(installed.has_value());

    const install::redirect_query signed_in =
        follow(open(install::openid_authorize_url({.client_id = id(), .state = "S5"}, server.base_url())));
    BOOST_TEST(!signed_in.code.empty());
    BOOST_TEST(signed_in.state == "S5");
    // A redirect_uri that is sent still counts.
    const raw_reply elsewhere = open(install::authorize_url(
        {.client_id = id(), .scope = "commands", .redirect_uri = "http://localhost:3000/cb"}, server.base_url()));
    BOOST_TEST(elsewhere.location.starts_with("http://localhost:3000/cb?code="));
}

BOOST_AUTO_TEST_SUITE_END()
