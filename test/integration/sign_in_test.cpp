// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Sign in with Slack against the mock over TLS: the browser's trip through the mock's OpenID
// authorize page (a real GET, its 302 followed), the callback's checks, the id_token's nonce and
// issuer, and that a sign-in stores nothing. Tokens and nonces are compared inside
// BOOST_TEST((...)) so that a failure never prints one.
#include "integration/mock_requests.hpp"

#include <slack/install/sign_in.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/url/parse.hpp>

using namespace slack;
using namespace slack::test;
namespace urls = boost::urls;
using sign_in_result = boost::system::result<install::signed_in_user>;

namespace {

const std::string state_secret = "a state secret of at least thirty-two bytes";
const std::string callback = "https://app.example/slack/sign_in";

struct sign_in_fixture : mock_fixture {
    sign_in_fixture()
        : client(ioc.get_executor(), tls, options),
          store(ioc.get_executor()),
          signer(state_secret),
          sign_ins(client, store, signer, sign_in_options())
    {
    }

    install::sign_in_options sign_in_options(std::string scope = "openid,email,profile") const
    {
        return {.client_id = server.options().client_id,
                .client_secret = server.options().client_secret,
                .scope = std::move(scope),
                .redirect_uri = callback,
                .pkce = true,
                .authorize_base = server.base_url(),
                .issuer = "https://slack.com"};  // what the mock's id_token says
    }

    /// What the browser brings back: the query of the mock authorize page's redirect, and the cookie.
    struct redirect {
        std::string query, cookie;
    };
    redirect browse(const install::install_start& start)
    {
        const auto url = urls::parse_uri(start.location);
        BOOST_REQUIRE(url.has_value());
        const raw_reply page = send(*this, http::verb::get, std::string(url->encoded_target()));
        BOOST_REQUIRE_EQUAL(page.status, 302u);
        BOOST_REQUIRE(page.location.starts_with(callback + "?"));
        return {page.location.substr(callback.size() + 1), cookie_of(start)};
    }

    static std::string cookie_of(const install::install_start& start)
    {
        return "theme=dark; " + start.set_cookie.substr(0, start.set_cookie.find(';'));
    }

    static std::string param(const std::string& url, std::string_view name)
    {
        const auto parsed = urls::parse_uri(url).value();
        const auto found = parsed.params().find(name);
        return found == parsed.params().end() ? std::string() : std::string((*found).value);
    }

    sign_in_result complete(install::sign_in& with, const redirect& back)
    {
        std::optional<sign_in_result> out;
        with.complete({.query = back.query, .cookie_header = back.cookie},
                      [&](sign_in_result r) { out.emplace(std::move(r)); });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    std::optional<store::installation> stored(std::string_view user_id = {})
    {
        std::optional<store::store_result<std::optional<store::installation>>> found;
        store.find({.enterprise_id = {}, .team_id = "T0MOCKTEAM", .user_id = user_id},
                   [&](auto r) { found.emplace(std::move(r)); });
        run_until([&] { return found.has_value(); });
        return found->value();
    }

    web::client client;
    store::memory_store store;
    install::state_signer signer;
    install::sign_in sign_ins;
};

std::string describe(const sign_in_result& r)
{
    return r ? "signed in" : r.error().to_string() + " " + r.error().message();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sign_in_tests, sign_in_fixture)

BOOST_AUTO_TEST_CASE(the_start_sends_the_states_nonce_and_a_pkce_challenge)
{
    const install::install_start start = sign_ins.begin("T0MOCKTEAM");
    const auto url = urls::parse_uri(start.location).value();
    BOOST_TEST(url.path() == "/openid/connect/authorize");
    BOOST_TEST(param(start.location, "response_type") == "code");
    BOOST_TEST(param(start.location, "scope") == "openid,email,profile");
    BOOST_TEST(param(start.location, "team") == "T0MOCKTEAM");
    BOOST_TEST(param(start.location, "code_challenge_method") == "S256");
    // The nonce is the one the state carries, which is also the cookie's value.
    const auto verified = signer.verify(param(start.location, "state"), cookie_of(start));
    BOOST_REQUIRE(verified.has_value());
    BOOST_TEST((param(start.location, "nonce") == verified->nonce));
}

BOOST_AUTO_TEST_CASE(a_whole_sign_in_yields_the_mock_users_claims_and_stores_nothing)
{
    const sign_in_result user = complete(sign_ins, browse(sign_ins.begin()));
    BOOST_REQUIRE_MESSAGE(user.has_value(), describe(user));
    BOOST_TEST(user->claims.user_id.starts_with("U0MOCKUSER"));
    BOOST_TEST(user->claims.team_id == "T0MOCKTEAM");
    BOOST_TEST(user->claims.team_name == "Mock Team");
    BOOST_TEST(user->claims.team_domain == "mock-team");
    BOOST_TEST(user->claims.email == "user-" + user->claims.user_id + "@mock.example");
    BOOST_TEST(user->claims.email_verified);
    BOOST_TEST(user->claims.name == "Mock User");
    BOOST_TEST(user->claims.given_name == "Mock");
    BOOST_TEST(user->claims.family_name == "User");
    BOOST_TEST(user->claims.locale == "en-US");
    BOOST_TEST((user->claims.expires_at > user->claims.issued_at));
    BOOST_TEST((server.token_active(user->access_token)));
    BOOST_TEST((!user->refresh_token.empty()));  // the mock's app rotates tokens
    BOOST_TEST((user->expires_at.has_value()));
    BOOST_TEST(!stored().has_value());
}

BOOST_AUTO_TEST_CASE(a_sign_in_leaves_the_teams_installation_as_it_was)
{
    store::installation before;
    before.team_id = "T0MOCKTEAM";
    before.bot.emplace();
    before.bot->token = "xoxb-the-bot";
    std::optional<store::store_result<void>> saved;
    store.save(before, [&](auto r) { saved.emplace(std::move(r)); });
    run_until([&] { return saved.has_value(); });
    BOOST_REQUIRE(saved->has_value());

    const sign_in_result user = complete(sign_ins, browse(sign_ins.begin()));
    BOOST_REQUIRE_MESSAGE(user.has_value(), describe(user));
    const auto after = stored();
    BOOST_REQUIRE(after.has_value());
    BOOST_REQUIRE(after->bot.has_value());
    BOOST_TEST((after->bot->token == "xoxb-the-bot"));
    BOOST_TEST(!stored(user->claims.user_id).has_value());  // no user grant saved either
}

BOOST_AUTO_TEST_CASE(a_replayed_callback_is_refused_and_its_code_spent_once)
{
    const redirect back = browse(sign_ins.begin());
    BOOST_REQUIRE(complete(sign_ins, back).has_value());
    install::sign_in replica(client, store, signer, sign_in_options());
    BOOST_TEST(complete(replica, back).error() == install::install_errc::state_replayed);
    const std::string code = param(callback + "?" + back.query, "code");
    BOOST_TEST((server.exchanges(code) == 1u));
}

BOOST_AUTO_TEST_CASE(a_replayed_state_spends_no_new_code)
{
    // A second code brought back with a state already used: refused before the exchange.
    const install::install_start start = sign_ins.begin();
    const redirect back = browse(start);
    BOOST_REQUIRE(complete(sign_ins, back).has_value());
    const redirect again = browse(start);  // the same state, a fresh code
    BOOST_TEST(complete(sign_ins, again).error() == install::install_errc::state_replayed);
    const std::string fresh = param(callback + "?" + again.query, "code");
    BOOST_TEST((server.exchanges(fresh) == 0u));
}

BOOST_AUTO_TEST_CASE(a_declined_sign_in_is_access_denied)
{
    install::sign_in declining(client, store, signer, sign_in_options("openid,mock-decline"));
    const redirect back = browse(declining.begin());
    BOOST_TEST(back.query.find("error=access_denied") != std::string::npos);
    BOOST_TEST(complete(declining, back).error() == install::install_errc::access_denied);
}

BOOST_AUTO_TEST_CASE(an_id_token_for_another_nonce_is_refused)
{
    // A code whose id_token carries another attempt's nonce, brought back with this attempt's state.
    const install::install_start start = sign_ins.begin();
    const std::string code =
        server.mint_code(mock::code_options{.method = "openid.connect.token",
                                            .redirect_uri = callback,
                                            .code_challenge = param(start.location, "code_challenge"),
                                            .scope = "openid",
                                            .user_scope = {},
                                            .nonce = "bm9uY2Utb2YtYW5vdGhlcg"});
    const redirect back{"code=" + code + "&state=" + param(start.location, "state"), cookie_of(start)};
    BOOST_TEST(complete(sign_ins, back).error() == install::install_errc::id_token_nonce_mismatch);
}

BOOST_AUTO_TEST_CASE(the_configured_issuer_is_the_one_checked)
{
    auto options = sign_in_options();
    options.issuer = "https://slack-gov.com";  // the mock is not GovSlack
    install::sign_in govslack(client, store, signer, options);
    BOOST_TEST(complete(govslack, browse(govslack.begin())).error() == install::install_errc::id_token_wrong_issuer);
}

BOOST_AUTO_TEST_CASE(the_pkce_verifier_derived_from_the_state_is_sent)
{
    auto options = sign_in_options();
    options.pkce = false;  // the start sent no challenge, but the code was minted with one
    install::sign_in without_pkce(client, store, signer, options);
    const sign_in_result r = complete(without_pkce, browse(sign_ins.begin()));
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST(r.error() == api_errc::invalid_code_verifier);
}

BOOST_AUTO_TEST_CASE(an_unknown_slack_error_reaches_the_callers_diagnostics)
{
    const install::install_start start = sign_ins.begin();
    const redirect back{"code=mock-error-brand_new_thing&state=" + param(start.location, "state"), cookie_of(start)};
    slack::diagnostics diag;
    std::optional<sign_in_result> out;
    sign_ins.complete({.query = back.query, .cookie_header = back.cookie}, diag,
                      [&](sign_in_result r) { out.emplace(std::move(r)); });
    run_until([&] { return out.has_value(); });
    BOOST_REQUIRE(out->has_error());
    BOOST_TEST(out->error() == api_errc::unknown_error);
    BOOST_TEST(diag.error == "brand_new_thing");
}

BOOST_AUTO_TEST_CASE(a_cancellation_as_the_callback_starts_sends_nothing)
{
    const install::install_start start = sign_ins.begin();
    const redirect back = browse(start);
    boost::asio::cancellation_signal signal;
    std::optional<sign_in_result> out;
    sign_ins.complete(
        {.query = back.query, .cookie_header = back.cookie},
        boost::asio::bind_cancellation_slot(signal.slot(), [&](sign_in_result r) { out.emplace(std::move(r)); }));
    signal.emit(boost::asio::cancellation_type::terminal);
    run_until([&] { return out.has_value(); });
    BOOST_REQUIRE(out->has_error());
    BOOST_TEST(out->error() == boost::asio::error::operation_aborted);
    const std::string code = back.query.substr(5, back.query.find('&') - 5);  // "code=C&state=S"
    BOOST_REQUIRE(back.query.starts_with("code="));
    BOOST_TEST(server.exchanges(code) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
