// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The OAuth family and client.call() through the method layer, against the mock over TLS: each
// method's success and errors, PKCE, rotation, spent credentials, and where credentials travel.
#include "integration/mock_fixture.hpp"

#include <boost/json/object.hpp>

#include <optional>

using namespace slack::test;
using slack::api_errc;
using slack::client_errc;
namespace web = slack::web;
namespace mock = slack::mock;

namespace {

// One operation through the callback token, driven with a deadline.
template <class Result, class Start>
Result once(asio::io_context& ioc, Start start)
{
    std::optional<Result> out;
    start([&](Result r) { out.emplace(std::move(r)); });
    slack::test::run_until(ioc, [&] { return out.has_value(); });
    return std::move(*out);
}

using v2_result = boost::system::result<web::v2_access_response>;

std::string describe_error(const boost::system::error_code& ec, const slack::diagnostics& diag)
{
    return ec.to_string() + " (" + diag.error + "; " + diag.client_message + ")";
}

struct methods_fixture : mock_fixture {
    explicit methods_fixture(mock::server_options o = short_grace()) : mock_fixture(std::move(o)) {}

    static mock::server_options short_grace()
    {
        mock::server_options o;
        o.refresh_grace = 300ms;
        return o;
    }

    web::client make_client() { return web::client(ioc.get_executor(), tls, options); }

    v2_result v2_access(web::client& c, web::v2_access_params p, slack::diagnostics& diag)
    {
        return once<v2_result>(ioc, [&](auto h) { web::oauth(c).v2_access(p, diag, h); });
    }
    v2_result v2_refresh(web::client& c, std::string_view refresh_token, slack::diagnostics& diag)
    {
        const web::v2_refresh_params p{.client_id = id(), .client_secret = secret(), .refresh_token = refresh_token};
        return once<v2_result>(ioc, [&](auto h) { web::oauth(c).v2_refresh(p, diag, h); });
    }
    boost::system::result<web::auth_test_response> auth_test(web::client& c, std::string_view token,
                                                             slack::diagnostics& diag)
    {
        return once<boost::system::result<web::auth_test_response>>(
            ioc, [&](auto h) { web::auth(c).test({.token = token}, diag, h); });
    }
    std::string_view id() const { return server.options().client_id; }
    std::string_view secret() const { return server.options().client_secret; }

    // No request carried `text` outside the Authorization header.
    bool only_in_authorization(std::string_view text) const
    {
        for (const mock::recorded_request& r : server.requests())
            if (r.body.find(text) != std::string::npos || r.target.find(text) != std::string::npos)
                return false;
        return true;
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(methods, methods_fixture)

BOOST_AUTO_TEST_CASE(v2_access_returns_every_field_of_a_rotating_install)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const std::string code = server.mint_code({.scope = "commands,chat:write", .user_scope = "search:read"});
    const auto before = std::chrono::system_clock::now();
    v2_result r = v2_access(c, {.client_id = id(), .client_secret = secret(), .code = code}, diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(r->access_token().starts_with("xoxe.xoxb-"));
    BOOST_TEST(r->token_type() == "bot");
    BOOST_TEST(r->refresh_token().starts_with("xoxe-1-"));
    BOOST_REQUIRE(r->expires_in().has_value());
    BOOST_TEST(r->expires_in()->count() == 43200);
    BOOST_TEST((r->expires_at().value() >= before + std::chrono::seconds(43200)));
    BOOST_TEST((r->scopes() == std::vector<std::string_view>{"commands", "chat:write"}));
    BOOST_TEST(!r->bot_user_id().empty());
    BOOST_TEST(r->app_id() == server.options().app_id);
    BOOST_REQUIRE(r->team().has_value());
    BOOST_TEST(r->team()->id == server.options().team_id);
    BOOST_TEST(r->team()->name == server.options().team_name);
    BOOST_TEST(!r->enterprise().has_value());  // null: not an org install
    BOOST_TEST(!r->is_enterprise_install());
    BOOST_REQUIRE(r->user().has_value());
    BOOST_TEST(r->user()->access_token.starts_with("xoxe.xoxp-"));
    BOOST_TEST(r->user()->token_type == "user");
    BOOST_TEST(r->user()->scope == "search:read");
    BOOST_TEST(r->user()->expires_in.value().count() == 43200);
    BOOST_TEST(r->body().find("\"ok\":true") != std::string_view::npos);
    BOOST_TEST(server.token_active(r->access_token()));
    // Client credentials by HTTP Basic, never as fields.
    const auto requests = server.requests();
    BOOST_REQUIRE(!requests.empty());
    BOOST_TEST(requests.back().authorization.starts_with("Basic "));
    BOOST_TEST(requests.back().body.find("client_secret") == std::string::npos);
    BOOST_TEST(requests.back().target == "/api/oauth.v2.access");
}

BOOST_AUTO_TEST_CASE(v2_access_sends_form_credentials_when_asked)
{
    options.credentials = web::credentials_in::form;
    web::client c = make_client();
    slack::diagnostics diag;
    v2_result r = v2_access(
        c, {.client_id = id(), .client_secret = secret(), .code = server.mint_code(mock::code_options{})}, diag);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(server.requests().back().authorization.empty());
    BOOST_TEST(server.requests().back().body.find("client_secret=") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(v2_access_errors_and_a_spent_code)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const std::string code = server.mint_code(mock::code_options{});
    BOOST_REQUIRE(v2_access(c, {.client_id = id(), .client_secret = secret(), .code = code}, diag).has_value());
    v2_result again = v2_access(c, {.client_id = id(), .client_secret = secret(), .code = code}, diag);
    BOOST_REQUIRE(again.has_error());
    BOOST_TEST((again.error() == api_errc::invalid_code));
    v2_result bad_secret = v2_access(
        c, {.client_id = id(), .client_secret = "wrong", .code = server.mint_code(mock::code_options{})}, diag);
    BOOST_TEST((bad_secret.error() == api_errc::bad_client_secret));
    const std::string redirected = server.mint_code({.redirect_uri = "https://example.com/cb"});
    v2_result bad_redirect = v2_access(
        c, {.client_id = id(), .client_secret = secret(), .code = redirected, .redirect_uri = "https://evil.example/"},
        diag);
    BOOST_TEST((bad_redirect.error() == api_errc::bad_redirect_uri));
    v2_result empty = v2_access(c, {.client_id = id(), .client_secret = secret()}, diag);
    BOOST_TEST((empty.error() == client_errc::invalid_argument));
    BOOST_TEST(diag.client_message == "code is empty");
    v2_result no_secret = v2_access(c, {.client_id = id(), .code = "x"}, diag);
    BOOST_TEST((no_secret.error() == client_errc::invalid_argument));  // only PKCE clients go without one
}

BOOST_AUTO_TEST_CASE(pkce_public_client_with_the_right_and_a_wrong_verifier)
{
    // Computed apart: printf %s VERIFIER | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d =
    const std::string verifier = "dBjftJeZ4CVP-mJ92K9qzTpY8kB4rq7Gtw8BtR8q6bo";
    const std::string challenge = "P6e8LW7d_uaCqGPhlkD9szXKwUwYFdy2QCjkcdRotEk";
    web::client c = make_client();
    slack::diagnostics diag;
    v2_result wrong = v2_access(
        c, {.client_id = id(), .code = server.mint_code({.code_challenge = challenge}), .code_verifier = "not-it"},
        diag);
    BOOST_REQUIRE(wrong.has_error());
    BOOST_TEST((wrong.error() == api_errc::invalid_code_verifier));
    v2_result right = v2_access(
        c, {.client_id = id(), .code = server.mint_code({.code_challenge = challenge}), .code_verifier = verifier},
        diag);
    BOOST_REQUIRE_MESSAGE(right.has_value(),
                          describe_error(right.has_error() ? right.error() : boost::system::error_code(), diag));
    BOOST_TEST(!right->access_token().empty());
    // A public client sends its id as a field, and no secret at all.
    const mock::recorded_request last = server.requests().back();
    BOOST_TEST(last.authorization.empty());
    BOOST_TEST(last.body.find("client_id=") != std::string::npos);
    BOOST_TEST(last.body.find("client_secret") == std::string::npos);
    BOOST_TEST(last.body.find("code_verifier=") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_pair_from_make_pkce_is_accepted)
{
    const web::pkce_pair pkce = web::make_pkce();
    web::client c = make_client();
    slack::diagnostics diag;
    const std::string code = server.mint_code({.code_challenge = pkce.challenge});
    v2_result r = v2_access(c, {.client_id = id(), .code = code, .code_verifier = pkce.verifier}, diag);
    BOOST_TEST(r.has_value());
}

BOOST_AUTO_TEST_CASE(refresh_returns_a_new_pair_and_the_old_token_fails_after_the_grace)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const mock::minted_tokens installed = server.mint_tokens({});
    v2_result first = v2_refresh(c, installed.refresh_token, diag);
    BOOST_REQUIRE_MESSAGE(first.has_value(),
                          describe_error(first.has_error() ? first.error() : boost::system::error_code(), diag));
    BOOST_TEST((first->refresh_token() != installed.refresh_token));
    BOOST_TEST((first->access_token() != installed.access_token));
    BOOST_TEST(first->access_token().starts_with("xoxe.xoxb-"));
    BOOST_TEST(first->expires_in().value().count() == 43200);
    BOOST_TEST(server.token_active(first->access_token()));
    BOOST_TEST(server.exchanges(installed.refresh_token) == 1u);
    // The refresh token travels in the body (it is the grant), the credentials in Basic.
    BOOST_TEST(server.requests().back().body.find("grant_type=refresh_token") != std::string::npos);
    BOOST_TEST(server.requests().back().authorization.starts_with("Basic "));

    const auto past_grace = std::chrono::steady_clock::now() + 400ms;
    run_until([&] { return std::chrono::steady_clock::now() >= past_grace; });
    v2_result late = v2_refresh(c, installed.refresh_token, diag);
    BOOST_REQUIRE(late.has_error());
    BOOST_TEST((late.error() == api_errc::invalid_refresh_token));
    v2_result next = v2_refresh(c, first->refresh_token(), diag);  // the new one works
    BOOST_TEST(next.has_value());
}

BOOST_AUTO_TEST_CASE(a_user_token_refresh_answers_flat)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const mock::minted_tokens user = server.mint_tokens({.kind = mock::token_kind::user, .scope = "search:read"});
    v2_result r = v2_refresh(c, user.refresh_token, diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(r->token_type() == "user");
    BOOST_TEST(r->access_token().starts_with("xoxe.xoxp-"));
    BOOST_TEST(!r->user_id().empty());
    BOOST_TEST(!r->refresh_token().empty());
    BOOST_TEST(!r->user().has_value());  // flat: nothing under authed_user
}

BOOST_AUTO_TEST_CASE(a_refresh_whose_answer_is_lost_is_never_sent_again)
{
    web::client c = make_client();
    slack::diagnostics diag;
    v2_result r = v2_refresh(c, "mock-close-r1", diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST(server.exchanges("mock-close-r1") == 1u);
    BOOST_TEST(diag.attempts == 1u);
}

BOOST_AUTO_TEST_CASE(a_refresh_token_is_never_resent_even_when_the_policy_insists)
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.retry_unknown_outcome = true;  // the caller insisted: the traits' spend rule still holds
    options.retry = policy;
    web::client c = make_client();
    slack::diagnostics diag;
    v2_result r = v2_refresh(c, "mock-close-r2", diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges("mock-close-r2") == 1u);
}

BOOST_AUTO_TEST_CASE(user_access_and_its_documented_error)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const std::string code = server.mint_code({.method = "oauth.v2.user.access", .user_scope = "search:read"});
    v2_result r = once<v2_result>(ioc, [&](auto h) {
        web::oauth(c).v2_user_access({.client_id = id(), .client_secret = secret(), .code = code}, diag, h);
    });
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(r->token_type() == "user");
    BOOST_TEST(r->access_token().starts_with("xoxe.xoxp-"));
    BOOST_TEST(!r->user_id().empty());
    BOOST_TEST(server.requests().back().target == "/api/oauth.v2.user.access");
    // A code minted for another method is not one of this method's.
    const std::string other = server.mint_code(mock::code_options{});
    v2_result wrong = once<v2_result>(ioc, [&](auto h) {
        web::oauth(c).v2_user_access({.client_id = id(), .client_secret = secret(), .code = other}, diag, h);
    });
    BOOST_TEST((wrong.error() == api_errc::invalid_code));
}

BOOST_AUTO_TEST_CASE(exchange_turns_a_legacy_token_into_a_pair_once)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const mock::minted_tokens legacy = server.mint_tokens({.rotating = false});
    const web::v2_exchange_params p{.client_id = id(), .client_secret = secret(), .token = legacy.access_token};
    v2_result r = once<v2_result>(ioc, [&](auto h) { web::oauth(c).v2_exchange(p, diag, h); });
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(r->access_token().starts_with("xoxe."));
    BOOST_TEST(!r->refresh_token().empty());
    const mock::recorded_request sent = server.requests().back();
    BOOST_TEST((sent.authorization == "Bearer " + legacy.access_token));
    BOOST_TEST(sent.body.find("client_secret=") != std::string::npos);  // the header is the token's
    BOOST_TEST(only_in_authorization(legacy.access_token));
    v2_result again = once<v2_result>(ioc, [&](auto h) { web::oauth(c).v2_exchange(p, diag, h); });
    BOOST_TEST((again.error() == api_errc::token_already_exchanged));
}

BOOST_AUTO_TEST_CASE(exchange_without_rotation_is_refused)
{
    mock::server_options o;
    o.token_rotation = false;
    methods_fixture fx(o);
    web::client c = fx.make_client();
    slack::diagnostics diag;
    const mock::minted_tokens legacy = fx.server.mint_tokens({.rotating = false});
    const web::v2_exchange_params p{.client_id = fx.id(), .client_secret = fx.secret(), .token = legacy.access_token};
    v2_result r = once<v2_result>(fx.ioc, [&](auto h) { web::oauth(c).v2_exchange(p, diag, h); });
    BOOST_TEST((r.error() == api_errc::token_rotation_not_enabled));
}

BOOST_AUTO_TEST_CASE(openid_token_then_user_info)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const std::string code = server.mint_code({.method = "openid.connect.token", .scope = "openid,email,profile"});
    using token_result = boost::system::result<web::openid_token_response>;
    token_result t = once<token_result>(ioc, [&](auto h) {
        web::openid(c).token({.client_id = id(), .client_secret = secret(), .code = code}, diag, h);
    });
    BOOST_REQUIRE_MESSAGE(t.has_value(), describe_error(t.has_error() ? t.error() : boost::system::error_code(), diag));
    BOOST_TEST(t->token_type() == "Bearer");
    BOOST_TEST(std::count(t->id_token().begin(), t->id_token().end(), '.') == 2);  // a JWT's shape
    using info_result = boost::system::result<web::user_info_response>;
    info_result who =
        once<info_result>(ioc, [&](auto h) { web::openid(c).user_info({.token = t->access_token()}, diag, h); });
    BOOST_REQUIRE_MESSAGE(who.has_value(),
                          describe_error(who.has_error() ? who.error() : boost::system::error_code(), diag));
    BOOST_TEST(!who->sub().empty());
    BOOST_TEST(who->user_id() == who->sub());
    BOOST_TEST(who->team_id() == server.options().team_id);
    BOOST_TEST(!who->email().empty());
    BOOST_TEST(who->email_verified().value_or(false));
    BOOST_TEST(only_in_authorization(t->access_token()));
    info_result bad =
        once<info_result>(ioc, [&](auto h) { web::openid(c).user_info({.token = "xoxp-unknown"}, diag, h); });
    BOOST_TEST((bad.error() == api_errc::invalid_auth));
}

BOOST_AUTO_TEST_CASE(auth_test_answers_for_valid_tokens_only)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const mock::minted_tokens bot = server.mint_tokens({});
    auto r = auth_test(c, bot.access_token, diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(r->team_id() == server.options().team_id);
    BOOST_TEST(!r->user_id().empty());
    BOOST_TEST(!r->bot_id().empty());
    BOOST_TEST(r->url().starts_with("https://"));
    BOOST_TEST(r->expires_in().has_value());  // a rotating token
    BOOST_TEST(only_in_authorization(bot.access_token));
    BOOST_TEST((server.requests().back().authorization == "Bearer " + bot.access_token));
    BOOST_TEST((auth_test(c, "xoxb-not-a-token", diag).error() == api_errc::invalid_auth));
    BOOST_TEST((auth_test(c, "mock-error-token_expired", diag).error() == api_errc::token_expired));
    BOOST_TEST((auth_test(c, "", diag).error() == client_errc::invalid_argument));
    BOOST_TEST(diag.client_message == "token is empty");
}

BOOST_AUTO_TEST_CASE(a_family_object_keeps_working_after_its_client_is_moved)
{
    // It held a client*: after the move it called through a moved-from client (a crash).
    std::optional<web::client> c(make_client());
    web::auth auth(*c);
    web::openid openid(*c);
    web::client moved = std::move(*c);
    c.reset();
    slack::diagnostics diag;
    const mock::minted_tokens bot = server.mint_tokens({});
    using test_result = boost::system::result<web::auth_test_response>;
    test_result r = once<test_result>(ioc, [&](auto h) { auth.test({.token = bot.access_token}, diag, h); });
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.error(), diag));
    BOOST_TEST(r->team_id() == "T0MOCKTEAM");
    // The implementation it was made with: the one `moved` now has (one pool, one connection).
    using info_result = boost::system::result<web::user_info_response>;
    info_result info = once<info_result>(ioc, [&](auto h) { openid.user_info({.token = bot.access_token}, diag, h); });
    BOOST_TEST((info.error() == api_errc::not_allowed_token_type));  // answered: a bot token
    BOOST_TEST(moved.stats().connections_opened + moved.stats().connections_reused == 2u);
    static_assert(!std::is_constructible_v<web::auth, web::client&&>);  // a temporary client: refused
}

BOOST_AUTO_TEST_CASE(revoke_in_test_mode_keeps_the_token_and_for_real_revokes_it)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const mock::minted_tokens bot = server.mint_tokens({});
    using revoke_result = boost::system::result<web::revoke_response>;
    revoke_result test = once<revoke_result>(
        ioc, [&](auto h) { web::auth(c).revoke({.token = bot.access_token, .test = true}, diag, h); });
    BOOST_REQUIRE(test.has_value());
    BOOST_TEST((test->revoked() == std::optional<bool>(false)));
    BOOST_TEST(server.token_active(bot.access_token));
    revoke_result real =
        once<revoke_result>(ioc, [&](auto h) { web::auth(c).revoke({.token = bot.access_token}, diag, h); });
    BOOST_REQUIRE(real.has_value());
    BOOST_TEST((real->revoked() == std::optional<bool>(true)));
    BOOST_TEST(!server.token_active(bot.access_token));
    BOOST_TEST((auth_test(c, bot.access_token, diag).error() == api_errc::token_revoked));
    BOOST_TEST(only_in_authorization(bot.access_token));
}

BOOST_AUTO_TEST_CASE(uninstall_revokes_every_token_of_the_installation)
{
    web::client c = make_client();
    slack::diagnostics diag;
    const mock::minted_tokens bot = server.mint_tokens({});
    using uninstall_result = boost::system::result<web::uninstall_response>;
    uninstall_result r = once<uninstall_result>(ioc, [&](auto h) {
        web::apps(c).uninstall({.client_id = id(), .client_secret = secret(), .token = bot.access_token}, diag, h);
    });
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe_error(r.has_error() ? r.error() : boost::system::error_code(), diag));
    BOOST_TEST(!server.token_active(bot.access_token));
    BOOST_TEST((auth_test(c, bot.access_token, diag).error() == api_errc::token_revoked));
    v2_result refresh = v2_refresh(c, bot.refresh_token, diag);
    BOOST_TEST(refresh.has_error());
    uninstall_result bad = once<uninstall_result>(ioc, [&](auto h) {
        web::apps(c).uninstall(
            {.client_id = id(), .client_secret = "wrong", .token = server.mint_tokens({}).access_token}, diag, h);
    });
    BOOST_TEST((bad.error() == api_errc::bad_client_secret));
}

BOOST_AUTO_TEST_CASE(call_sends_form_fields_or_a_json_body)
{
    web::client c = make_client();
    slack::diagnostics diag;
    using call_result = boost::system::result<web::api_response>;
    const web::form_field fields[] = {{"foo", "bar baz"}, {"n", "1&2"}};
    call_result form = once<call_result>(ioc, [&](auto h) { c.call("api.test", {.form = fields}, {}, diag, h); });
    BOOST_REQUIRE_MESSAGE(form.has_value(),
                          describe_error(form.has_error() ? form.error() : boost::system::error_code(), diag));
    BOOST_TEST(form->ok());
    const boost::json::object echoed = form->json();
    BOOST_TEST(echoed.at("args").at("foo").as_string() == "bar baz");
    BOOST_TEST(echoed.at("args").at("n").as_string() == "1&2");
    BOOST_TEST(server.requests().back().content_type.starts_with("application/x-www-form-urlencoded"));

    call_result json = once<call_result>(
        ioc, [&](auto h) { c.call("api.test", {.json = R"({"foo":"from json"})"}, "xoxb-any", diag, h); });
    BOOST_REQUIRE_MESSAGE(json.has_value(),
                          describe_error(json.has_error() ? json.error() : boost::system::error_code(), diag));
    BOOST_TEST(json->json().at("args").at("foo").as_string() == "from json");
    const mock::recorded_request sent = server.requests().back();
    BOOST_TEST(sent.content_type.starts_with("application/json"));
    BOOST_TEST(sent.authorization == "Bearer xoxb-any");
    BOOST_TEST(only_in_authorization("xoxb-any"));

    const web::form_field failing[] = {{"error", "my_error"}};
    call_result error = once<call_result>(ioc, [&](auto h) { c.call("api.test", {.form = failing}, {}, diag, h); });
    BOOST_TEST((error.error() == api_errc::unknown_error));
    BOOST_TEST(diag.error == "my_error");
}

BOOST_AUTO_TEST_CASE(call_refuses_what_it_cannot_send_safely)
{
    web::client c = make_client();
    slack::diagnostics diag;
    using call_result = boost::system::result<web::api_response>;
    const web::form_field with_token[] = {{"token", "xoxb-secret-in-a-field"}};
    const auto refused = [&](std::string_view method, web::call_params p) {
        call_result r = once<call_result>(ioc, [&](auto h) { c.call(method, p, {}, diag, h); });
        return r.has_error() && r.error() == client_errc::invalid_argument;
    };
    BOOST_TEST(refused("api.test", {.form = with_token}));
    BOOST_TEST(refused("", {}));
    BOOST_TEST(refused("../admin", {}));
    BOOST_TEST(refused("api.test", {.json = "[1,2]"}));
    BOOST_TEST(refused("api.test", {.json = "{not json"}));
    BOOST_TEST(refused("api.test", {.form = with_token, .json = "{}"}));
    BOOST_TEST(server.requests().empty());  // nothing was sent
    call_result unknown = once<call_result>(ioc, [&](auto h) { c.call("no.such.method", {}, {}, diag, h); });
    BOOST_TEST((unknown.error() == api_errc::unknown_method));
}

BOOST_AUTO_TEST_CASE(call_refuses_a_json_token_bad_utf8_and_names_not_of_slacks_shape)
{
    web::client c = make_client();
    slack::diagnostics diag;
    using call_result = boost::system::result<web::api_response>;
    // The client_message of a refused call, or "sent" when it went out.
    const auto refusal = [&](std::string_view method, web::call_params p) -> std::string {
        call_result r = once<call_result>(ioc, [&](auto h) { c.call(method, p, {}, diag, h); });
        if (r.has_value() || r.error() != client_errc::invalid_argument)
            return "sent";
        return diag.client_message;
    };
    // A token in a JSON body, at the top: refused, like a form field, without showing it.
    const std::string token_in_json =
        refusal("api.test", {.json = R"({"channel":"C1","token":"xoxb-secret-in-json"})"});
    BOOST_TEST(token_in_json.find("call()'s token") != std::string::npos, token_in_json);
    BOOST_TEST(token_in_json.find("xoxb-secret-in-json") == std::string::npos);
    // The key as the JSON means it, escapes read; one value, nothing after it.
    BOOST_TEST(refusal("api.test", {.json = R"({"tok\u0065n":"x"})"}).find("call()'s token") != std::string::npos);
    BOOST_TEST(refusal("api.test", {.json = "{} {}"}) == "json is not valid JSON");
    // Back at the top after a nested object; a second token key; a key longer than the parser's
    // buffer, escaped, that arrives in parts.
    BOOST_TEST(refusal("api.test", {.json = R"({"x":{"a":{"b":1}},"token":2})"}).find("call()'s token") !=
               std::string::npos);
    BOOST_TEST(refusal("api.test", {.json = R"({"a":1,"token":1,"token":2})"}).find("call()'s token") !=
               std::string::npos);
    const std::string long_key = "{\"" + std::string(5000, 'k') + "\\u0041\":1,\"tok\\u0065n\":2}";
    BOOST_TEST(refusal("api.test", {.json = long_key}).find("call()'s token") != std::string::npos);
    // Invalid UTF-8 is named as such, not as "not a JSON object".
    BOOST_TEST(refusal("api.test", {.json = "{\"text\":\"caf\xe9\"}"}) == "json has a string that is not valid UTF-8");
    BOOST_TEST(refusal("api.test", {.json = "{not json"}) == "json is not valid JSON");
    BOOST_TEST(refusal("api.test", {.json = "[1,2]"}) == "json is not a JSON object");
    // Slack's method-name shape.
    for (std::string_view bad : {"api", "api.", ".api", "api..test", "chat.post-message", "chat.post message", "a/b.c",
                                 "chat.postMessage?x=1", "%2e.test"})
        BOOST_TEST(refusal(bad, {}).starts_with("method is not a Web API method name"), bad);
    const std::string long_name = "a." + std::string(99, 'b');
    BOOST_TEST(refusal(long_name, {}).starts_with("method is not a Web API method name"));
    BOOST_TEST(server.requests().empty());  // nothing was sent
    // Allowed: a token deeper than the top, and names of two or more segments.
    BOOST_TEST(refusal("api.test", {.json = R"({"x":{"token":"not a credential here"}})"}) == "sent");
    for (std::string_view near : {R"({"toke":1})", R"({"tokens":1})", R"({"x":"token"})", R"([0,{"token":1}])"})
        BOOST_TEST(refusal("api.test", {.json = near}) == (near[0] == '[' ? "json is not a JSON object" : "sent"),
                   near);
    BOOST_TEST(refusal("api.test", {.json = " {\"a\":1}\n"}) == "sent");  // white space around it
    const std::string long_near_miss = "{\"" + std::string(5000, 'k') + "token\":1}";
    BOOST_TEST(refusal("api.test", {.json = long_near_miss}) == "sent");
    for (std::string_view good : {"api.test", "chat.postMessage", "admin.apps.approved.list", "a.b_2"})
        BOOST_TEST(refusal(good, {}) == "sent", good);
}

BOOST_AUTO_TEST_CASE(the_rate_limit_gate_is_per_method)
{
    options.retry = slack::retry_policy::none();
    web::client c = make_client();
    slack::diagnostics diag;
    // oauth.v2.access is rate-limited for 30 s: its gate closes, auth.test's stays open.
    v2_result limited =
        v2_access(c, {.client_id = id(), .client_secret = secret(), .code = "mock-ratelimit-1-30"}, diag);
    BOOST_TEST((limited.error() == api_errc::ratelimited));
    const mock::minted_tokens bot = server.mint_tokens({});
    BOOST_TEST(auth_test(c, bot.access_token, diag).has_value());
    const auto sent = server.requests().size();
    v2_result gated = v2_access(
        c, {.client_id = id(), .client_secret = secret(), .code = server.mint_code(mock::code_options{})}, diag);
    BOOST_TEST((gated.error() == api_errc::ratelimited));
    BOOST_TEST(server.requests().size() == sent);  // refused at the gate: nothing sent
}

BOOST_AUTO_TEST_SUITE_END()
