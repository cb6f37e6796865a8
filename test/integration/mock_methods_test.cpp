// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock's OAuth family over HTTPS, as a raw client sees it: each method's success shape and
// documented errors, PKCE, rotation (new pairs, the grace period, two active tokens),
// revocation, uninstall, api.test, per-method rate limits, and minting over HTTP. Token values
// are compared inside BOOST_TEST((...)) so that a failure never prints one.
#include "integration/mock_requests.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <openssl/evp.h>

using namespace slack::test;
namespace json = boost::json;
namespace mock = slack::mock;

namespace {

const std::string form_type = "application/x-www-form-urlencoded";

std::string enc(std::string_view text) { return boost::urls::encode(text, boost::urls::unreserved_chars); }

/// A string member, or "<missing>" / "<not a string>" (only for values that are not secrets).
std::string text(const json::object& o, std::string_view key)
{
    const json::value* v = o.if_contains(key);
    if (!v)
        return "<missing>";
    return v->is_string() ? std::string(v->as_string()) : "<not a string>";
}

std::string secret(const json::object& o, std::string_view key) { return text(o, key); }

bool starts(const json::object& o, std::string_view key, std::string_view prefix)
{
    return secret(o, key).starts_with(prefix);
}

bool is_ok(const json::object& o) { return o.contains("ok") && o.at("ok").is_bool() && o.at("ok").as_bool(); }

std::string error_of(const json::object& o) { return is_ok(o) ? "<ok>" : text(o, "error"); }

// Decodes base64url without padding (for the id_token's payload).
std::string from_base64url(std::string part)
{
    for (char& c : part)
        c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (part.size() % 4)
        part += '=';
    std::string out(part.size(), '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(part.data()), static_cast<int>(part.size()));
    out.resize(n < 0 ? 0 : static_cast<std::size_t>(n));
    while (!part.empty() && part.back() == '=') {
        part.pop_back();
        out.pop_back();
    }
    return out;
}

struct methods_mock : mock_fixture {
    explicit methods_mock(mock::server_options options = {}) : mock_fixture(std::move(options)) {}

    std::string client() const
    {
        return "client_id=" + enc(server.options().client_id) + "&client_secret=" + enc(server.options().client_secret);
    }

    /// POST /api/METHOD with a form body; the answer as a JSON object.
    json::object call(const std::string& method, const std::string& form, const std::string& authorization = {})
    {
        const raw_reply reply = send(*this, http::verb::post, "/api/" + method, form_type, form, authorization);
        BOOST_REQUIRE_MESSAGE(reply.status == 200u, method << " answered HTTP " << reply.status);
        return json::parse(reply.body).as_object();
    }

    json::object exchange_code(const std::string& method, const std::string& code, const std::string& extra = {})
    {
        return call(method, client() + "&code=" + enc(code) + extra);
    }

    json::object refresh(const std::string& method, const std::string& refresh_token)
    {
        return call(method, client() + "&grant_type=refresh_token&refresh_token=" + enc(refresh_token));
    }

    json::object auth_test(const std::string& token) { return call("auth.test", "", "Bearer " + token); }

    void pause(std::chrono::milliseconds duration)
    {
        asio::steady_timer timer(ioc, duration);
        bool done = false;
        timer.async_wait([&](auto) { done = true; });
        run_until([&] { return done; }, 5s);
    }
};

mock::server_options with_grace(std::chrono::milliseconds grace)
{
    mock::server_options options;
    options.refresh_grace = grace;
    return options;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(mock_methods, methods_mock)

BOOST_AUTO_TEST_CASE(v2_access_code_grant_answers_the_rotating_install_shape)
{
    const std::string code = server.mint_code(
        {.method = "oauth.v2.access", .redirect_uri = "https://example.com/cb", .user_scope = "search:read"});
    const json::object r = exchange_code("oauth.v2.access", code, "&redirect_uri=" + enc("https://example.com/cb"));
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(starts(r, "access_token", "xoxe.xoxb-1-"));
    BOOST_TEST(text(r, "token_type") == "bot");
    BOOST_TEST(text(r, "scope") == "commands,chat:write");
    BOOST_TEST(text(r, "app_id") == "A0MOCKAPP");
    BOOST_TEST(text(r, "bot_user_id").starts_with("U"));
    BOOST_TEST(r.at("expires_in").as_int64() == 43200);
    BOOST_TEST(starts(r, "refresh_token", "xoxe-1-"));
    BOOST_TEST(text(r.at("team").as_object(), "id") == "T0MOCKTEAM");
    BOOST_TEST(text(r.at("team").as_object(), "name") == "Mock Team");
    BOOST_TEST(r.at("enterprise").is_null());
    BOOST_TEST(r.at("is_enterprise_install").as_bool() == false);
    const json::object& user = r.at("authed_user").as_object();
    BOOST_TEST(text(user, "id").starts_with("U"));
    BOOST_TEST(text(user, "scope") == "search:read");
    BOOST_TEST(text(user, "token_type") == "user");
    BOOST_TEST(starts(user, "access_token", "xoxe.xoxp-1-"));
    BOOST_TEST(starts(user, "refresh_token", "xoxe-1-"));
    BOOST_TEST(user.at("expires_in").as_int64() == 43200);
    BOOST_TEST(server.token_active(secret(r, "access_token")));
    BOOST_TEST(server.token_active(secret(user, "access_token")));
    BOOST_TEST((secret(r, "access_token") != secret(user, "access_token")));

    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code, "&redirect_uri=" + enc("https://example.com/cb"))) ==
               "invalid_code");  // single use
    BOOST_TEST(server.exchanges(code) == 2u);
}

BOOST_AUTO_TEST_CASE(v2_access_without_user_scope_answers_authed_user_id_only)
{
    const json::object r = exchange_code("oauth.v2.access", server.mint_code(mock::code_options{}));
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    const json::object& user = r.at("authed_user").as_object();
    BOOST_TEST(user.size() == 1u);
    BOOST_TEST(user.contains("id"));
}

BOOST_AUTO_TEST_CASE(v2_access_code_errors)
{
    const std::string legacy = server.mint_code("");  // an oauth.access code
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", legacy)) == "invalid_code");
    const std::string v2 = server.mint_code({.redirect_uri = "https://example.com/cb"});
    BOOST_TEST(error_of(exchange_code("oauth.access", v2)) == "invalid_code");  // and the other way round
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", v2)) == "bad_redirect_uri");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", v2, "&redirect_uri=https%3A%2F%2Fevil.example")) ==
               "bad_redirect_uri");
    BOOST_TEST(error_of(call("oauth.v2.access", client())) == "invalid_code");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", "4724469134.never")) == "invalid_code");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", v2, "&grant_type=password")) == "invalid_grant_type");
    BOOST_TEST(error_of(call("oauth.v2.access", "client_id=nope&code=" + v2)) == "invalid_client_id");
    BOOST_TEST(error_of(call("oauth.v2.access", "client_id=" + enc(server.options().client_id) +
                                                    "&client_secret=wrong&code=" + v2)) == "bad_client_secret");
    // None of these spent it.
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", v2, "&redirect_uri=" + enc("https://example.com/cb"))));
    // The legacy method keeps its own answer to a second exchange.
    BOOST_TEST(is_ok(exchange_code("oauth.access", legacy)));
    BOOST_TEST(error_of(exchange_code("oauth.access", legacy)) == "code_already_used");
}

BOOST_AUTO_TEST_CASE(pkce_needs_the_verifier_whose_s256_is_the_challenge)
{
    // A verifier and its S256 challenge, computed apart (Python hashlib + base64).
    const std::string verifier = "dBjftJeZ4CVP-mJ92K9qzTpY8kB4rq7Gtw8BtR8q6bo";
    const std::string code = server.mint_code({.code_challenge = "P6e8LW7d_uaCqGPhlkD9szXKwUwYFdy2QCjkcdRotEk"});
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code)) == "invalid_code_verifier");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code, "&code_verifier=wrong-verifier")) ==
               "invalid_code_verifier");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code, "&code_verifier=" + verifier.substr(1))) ==
               "invalid_code_verifier");
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", code, "&code_verifier=" + verifier)));

    const std::string plain = server.mint_code(mock::code_options{});
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", plain, "&code_verifier=" + verifier)) ==
               "invalid_code_verifier");
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", plain)));
}

BOOST_AUTO_TEST_CASE(a_pkce_public_client_refreshes_with_its_client_id_alone)
{
    const std::string id = "client_id=" + enc(server.options().client_id);
    auto refresh_without_secret = [&](const std::string& method, const std::string& refresh_token) {
        return call(method, id + "&grant_type=refresh_token&refresh_token=" + enc(refresh_token));
    };
    // Installed through PKCE without a secret; its refresh token, and the next one, need none.
    const std::string code = server.mint_code({.code_challenge = "P6e8LW7d_uaCqGPhlkD9szXKwUwYFdy2QCjkcdRotEk"});
    const json::object installed = call(
        "oauth.v2.access", id + "&code=" + enc(code) + "&code_verifier=dBjftJeZ4CVP-mJ92K9qzTpY8kB4rq7Gtw8BtR8q6bo");
    BOOST_REQUIRE_MESSAGE(is_ok(installed), error_of(installed));
    const json::object refreshed = refresh_without_secret("oauth.v2.access", secret(installed, "refresh_token"));
    BOOST_REQUIRE_MESSAGE(is_ok(refreshed), error_of(refreshed));
    BOOST_TEST(is_ok(refresh_without_secret("oauth.v2.access", secret(refreshed, "refresh_token"))));
    BOOST_TEST(
        is_ok(refresh_without_secret("oauth.v2.access", server.mint_tokens({.public_client = true}).refresh_token)));

    // Sign in with Slack through PKCE, the same.
    const std::string openid = server.mint_code({.method = "openid.connect.token",
                                                 .code_challenge = "JeR30v2Rq36d9_adNyut3uISPkJUgNuPkCAHZYvkQic",
                                                 .scope = "openid"});
    const json::object signed_in =
        call("openid.connect.token",
             id + "&code=" + enc(openid) + "&code_verifier=a-verifier-long-enough-for-pkce-0123456789abcdef");
    BOOST_REQUIRE_MESSAGE(is_ok(signed_in), error_of(signed_in));
    BOOST_TEST(is_ok(refresh_without_secret("openid.connect.token", secret(signed_in, "refresh_token"))));

    // A refresh token not minted through PKCE still needs the secret, and a wrong secret is wrong.
    const mock::minted_tokens confidential = server.mint_tokens({});
    BOOST_TEST(error_of(refresh_without_secret("oauth.v2.access", confidential.refresh_token)) == "bad_client_secret");
    const json::object plain = exchange_code("oauth.v2.access", server.mint_code(mock::code_options{}));
    BOOST_REQUIRE_MESSAGE(is_ok(plain), error_of(plain));
    BOOST_TEST(error_of(refresh_without_secret("oauth.v2.access", secret(plain, "refresh_token"))) ==
               "bad_client_secret");
    BOOST_TEST(error_of(call("oauth.v2.access", id + "&client_secret=wrong&grant_type=refresh_token&refresh_token=" +
                                                    enc(secret(installed, "refresh_token")))) == "bad_client_secret");
    BOOST_TEST(is_ok(refresh("oauth.v2.access", confidential.refresh_token)));  // not spent by the refusal
}

BOOST_AUTO_TEST_CASE(a_code_verifier_replaces_the_secret_only_for_a_code_bound_to_a_challenge)
{
    const std::string no_secret =
        "client_id=" + enc(server.options().client_id) + "&code_verifier=dBjftJeZ4CVP-mJ92K9qzTpY8kB4rq7Gtw8BtR8q6bo";
    const mock::minted_tokens bot = server.mint_tokens({});
    BOOST_TEST(error_of(call("apps.uninstall", no_secret, "Bearer " + bot.access_token)) == "bad_client_secret");
    BOOST_TEST(server.token_active(bot.access_token));
    const mock::minted_tokens legacy = server.mint_tokens({.rotating = false});
    BOOST_TEST(error_of(call("oauth.v2.exchange", no_secret + "&token=" + enc(legacy.access_token))) ==
               "bad_client_secret");
    const std::string classic = server.mint_code("");
    BOOST_TEST(error_of(call("oauth.access", no_secret + "&code=" + enc(classic))) == "bad_client_secret");
    const std::string plain = server.mint_code(mock::code_options{});
    BOOST_TEST(error_of(call("oauth.v2.access", no_secret + "&code=" + enc(plain))) == "bad_client_secret");
    BOOST_TEST(error_of(call("oauth.v2.access", no_secret + "&grant_type=refresh_token&refresh_token=" +
                                                    enc(bot.refresh_token))) == "bad_client_secret");
    // A magic code stands for one bound to the verifier's challenge; without a verifier, the secret is due.
    BOOST_TEST(is_ok(call("oauth.v2.access", no_secret + "&code=mock-reusable")));
    BOOST_TEST(error_of(call("oauth.v2.access", "client_id=" + enc(server.options().client_id) +
                                                    "&code=mock-reusable")) == "bad_client_secret");
    // None of the refusals spent anything.
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", plain)));
    BOOST_TEST(is_ok(exchange_code("oauth.access", classic)));
    BOOST_TEST(is_ok(call("oauth.v2.exchange", client() + "&token=" + enc(legacy.access_token))));
}

BOOST_AUTO_TEST_CASE(refresh_returns_a_new_pair_and_the_used_token_dies_after_the_grace)
{
    methods_mock fx(with_grace(200ms));
    const mock::minted_tokens first = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    BOOST_TEST(first.access_token.starts_with("xoxe.xoxb-1-"));
    BOOST_TEST(first.refresh_token.starts_with("xoxe-1-"));

    const json::object r = fx.refresh("oauth.v2.access", first.refresh_token);
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(text(r, "token_type") == "bot");
    BOOST_TEST(starts(r, "access_token", "xoxe.xoxb-1-"));
    BOOST_TEST((secret(r, "access_token") != first.access_token));
    BOOST_TEST((secret(r, "refresh_token") != first.refresh_token));
    BOOST_TEST(text(r, "scope") == "chat:write");
    BOOST_TEST(text(r.at("team").as_object(), "id") == "T0MOCKTEAM");
    BOOST_TEST(r.at("expires_in").as_int64() == 43200);
    BOOST_TEST(fx.server.token_active(first.access_token));  // a refresh does not revoke at once

    // Inside the grace the used token mints yet another pair.
    const json::object again = fx.refresh("oauth.v2.access", first.refresh_token);
    BOOST_REQUIRE_MESSAGE(is_ok(again), error_of(again));
    BOOST_TEST((secret(again, "refresh_token") != secret(r, "refresh_token")));
    fx.pause(300ms);
    BOOST_TEST(error_of(fx.refresh("oauth.v2.access", first.refresh_token)) == "invalid_refresh_token");
    BOOST_TEST(is_ok(fx.refresh("oauth.v2.access", secret(r, "refresh_token"))));  // never used: fine
    BOOST_TEST(error_of(fx.refresh("oauth.v2.access", "xoxe-1-unknown")) == "invalid_refresh_token");
    BOOST_TEST(error_of(fx.refresh("oauth.v2.access", first.access_token)) == "invalid_refresh_token");
    BOOST_TEST(fx.server.exchanges(first.refresh_token) == 3u);
}

// A refresh whose answer is lost has still rotated: the refresh token is spent, and with no
// grace a second use is refused at once.
BOOST_AUTO_TEST_CASE(a_lost_refresh_answer_spends_the_token_and_a_zero_grace_refuses_it_again)
{
    methods_mock fx(with_grace(0ms));
    const mock::minted_tokens first = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    fx.server.lose_refresh_answers(1);
    const raw_reply lost = send(fx, http::verb::post, "/api/oauth.v2.access", form_type,
                                fx.client() + "&grant_type=refresh_token&refresh_token=" + enc(first.refresh_token));
    BOOST_TEST(lost.status == 0u);                         // no answer at all
    BOOST_TEST(fx.server.requests().back().status == 0u);  // and the log says so
    BOOST_TEST(fx.server.exchanges(first.refresh_token) == 1u);
    BOOST_TEST(error_of(fx.refresh("oauth.v2.access", first.refresh_token)) == "invalid_refresh_token");
    BOOST_TEST(fx.server.requests().back().status == 200u);  // refused, but answered
    // The count is used up: the next refresh of a fresh pair is answered.
    const mock::minted_tokens second = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    BOOST_TEST(is_ok(fx.refresh("oauth.v2.access", second.refresh_token)));
    // Over HTTP, as an outside process would script it.
    const raw_reply scripted = send(fx, http::verb::post, "/mock/faults", form_type, "lose_refresh_answers=1");
    BOOST_TEST(scripted.body == R"({"ok":true,"lose_refresh_answers":1})");
    const raw_reply bad = send(fx, http::verb::post, "/mock/faults", form_type, "lose_refresh_answers=x");
    BOOST_TEST(slack_error(bad) == "invalid_arguments");
    const mock::minted_tokens third = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    const raw_reply lost_again =
        send(fx, http::verb::post, "/api/oauth.v2.access", form_type,
             fx.client() + "&grant_type=refresh_token&refresh_token=" + enc(third.refresh_token));
    BOOST_TEST(lost_again.status == 0u);
}

// Losing the answers of one refresh token: its first send and its re-send lose theirs, while a
// refresh of another installation in between is answered.
BOOST_AUTO_TEST_CASE(lost_refresh_answers_can_be_those_of_one_refresh_token)
{
    methods_mock fx;
    const mock::minted_tokens target = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    const mock::minted_tokens other = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    fx.server.lose_refresh_answers(2, target.refresh_token);
    const std::string refresh_target =
        fx.client() + "&grant_type=refresh_token&refresh_token=" + enc(target.refresh_token);
    BOOST_TEST(send(fx, http::verb::post, "/api/oauth.v2.access", form_type, refresh_target).status == 0u);
    BOOST_TEST(is_ok(fx.refresh("oauth.v2.access", other.refresh_token)));
    BOOST_TEST(send(fx, http::verb::post, "/api/oauth.v2.access", form_type, refresh_target).status == 0u);
    BOOST_TEST(is_ok(fx.refresh("oauth.v2.access", target.refresh_token)));  // both used up; still inside the grace
    BOOST_TEST(fx.server.exchanges(target.refresh_token) == 3u);
    // Over HTTP.
    const mock::minted_tokens third = fx.server.mint_tokens({.kind = mock::token_kind::bot});
    const raw_reply scripted = send(fx, http::verb::post, "/mock/faults", form_type,
                                    "lose_refresh_answers=1&refresh_token=" + enc(third.refresh_token));
    BOOST_TEST(scripted.body == R"({"ok":true,"lose_refresh_answers":1})");
    BOOST_TEST(is_ok(fx.refresh("oauth.v2.access", other.refresh_token)));  // not that token: answered
    const std::string refresh_third =
        fx.client() + "&grant_type=refresh_token&refresh_token=" + enc(third.refresh_token);
    BOOST_TEST(send(fx, http::verb::post, "/api/oauth.v2.access", form_type, refresh_third).status == 0u);
}

BOOST_AUTO_TEST_CASE(at_most_two_access_tokens_are_active)
{
    const mock::minted_tokens first = server.mint_tokens({});
    const json::object second = refresh("oauth.v2.access", first.refresh_token);
    BOOST_REQUIRE_MESSAGE(is_ok(second), error_of(second));
    BOOST_TEST(server.token_active(first.access_token));
    const json::object third = refresh("oauth.v2.access", secret(second, "refresh_token"));
    BOOST_REQUIRE_MESSAGE(is_ok(third), error_of(third));
    BOOST_TEST(!server.token_active(first.access_token));
    BOOST_TEST(error_of(auth_test(first.access_token)) == "token_revoked");
    BOOST_TEST(is_ok(auth_test(secret(second, "access_token"))));
    BOOST_TEST(is_ok(auth_test(secret(third, "access_token"))));
    // Another installation is not touched.
    const mock::minted_tokens other = server.mint_tokens({});
    BOOST_TEST(server.token_active(other.access_token));
    BOOST_TEST(server.token_active(secret(second, "access_token")));
}

BOOST_AUTO_TEST_CASE(a_user_refresh_answers_flat)
{
    const mock::minted_tokens user = server.mint_tokens({.kind = mock::token_kind::user, .scope = "search:read"});
    BOOST_TEST(user.access_token.starts_with("xoxe.xoxp-1-"));
    const json::object r = refresh("oauth.v2.access", user.refresh_token);
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(starts(r, "access_token", "xoxe.xoxp-1-"));
    BOOST_TEST(text(r, "token_type") == "user");
    BOOST_TEST(text(r, "user_id").starts_with("U"));
    BOOST_TEST(text(r, "scope") == "search:read");
    BOOST_TEST(text(r, "app_id") == "A0MOCKAPP");
    BOOST_TEST(r.at("expires_in").as_int64() == 43200);
    BOOST_TEST(starts(r, "refresh_token", "xoxe-1-"));
    BOOST_TEST(r.at("team").as_object().size() == 1u);
    BOOST_TEST(text(r.at("team").as_object(), "id") == "T0MOCKTEAM");
    BOOST_TEST(r.at("enterprise").is_null());
    BOOST_TEST(!r.contains("authed_user"));
    // oauth.v2.user.access refreshes user tokens only.
    BOOST_TEST(is_ok(refresh("oauth.v2.user.access", secret(r, "refresh_token"))));
    BOOST_TEST(error_of(refresh("oauth.v2.user.access", server.mint_tokens({}).refresh_token)) ==
               "invalid_refresh_token");
}

BOOST_AUTO_TEST_CASE(v2_user_access_returns_a_user_token_only)
{
    const std::string code = server.mint_code({.method = "oauth.v2.user.access", .user_scope = "identify,search:read"});
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code)) == "invalid_code");  // minted for another method
    const json::object r = exchange_code("oauth.v2.user.access", code);
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(starts(r, "access_token", "xoxe.xoxp-1-"));
    BOOST_TEST(text(r, "token_type") == "user");
    BOOST_TEST(text(r, "scope") == "identify,search:read");
    BOOST_TEST(text(r, "user_id").starts_with("U"));
    BOOST_TEST(text(r.at("team").as_object(), "name") == "Mock Team");
    BOOST_TEST(r.at("expires_in").as_int64() == 43200);
    BOOST_TEST(!r.contains("bot_user_id"));
    BOOST_TEST(error_of(exchange_code("oauth.v2.user.access", code)) == "invalid_code");
    BOOST_TEST(error_of(exchange_code("oauth.v2.user.access", code, "&grant_type=x")) == "invalid_grant_type");
}

BOOST_AUTO_TEST_CASE(exchange_migrates_a_legacy_token_once)
{
    const mock::minted_tokens legacy = server.mint_tokens({.rotating = false});
    BOOST_TEST(legacy.access_token.starts_with("xoxb-"));
    BOOST_TEST(legacy.refresh_token.empty());
    const json::object r = call("oauth.v2.exchange", client() + "&token=" + enc(legacy.access_token));
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(starts(r, "access_token", "xoxe.xoxb-1-"));
    BOOST_TEST(starts(r, "refresh_token", "xoxe-1-"));
    BOOST_TEST(r.at("expires_in").as_int64() == 43200);
    BOOST_TEST(text(r, "token_type") == "bot");
    BOOST_TEST(text(r, "bot_user_id").starts_with("U"));
    BOOST_TEST(text(r, "app_id") == "A0MOCKAPP");
    BOOST_TEST(r.at("enterprise").is_null());
    BOOST_TEST(is_ok(auth_test(secret(r, "access_token"))));
    BOOST_TEST(error_of(call("oauth.v2.exchange", client() + "&token=" + enc(legacy.access_token))) ==
               "token_already_exchanged");
    BOOST_TEST(error_of(call("oauth.v2.exchange", client() + "&token=xoxb-unknown")) == "invalid_token");
    BOOST_TEST(error_of(call("oauth.v2.exchange", "client_id=x&token=" + enc(legacy.access_token))) ==
               "invalid_client_id");
    BOOST_TEST(server.exchanges(legacy.access_token) == 3u);
}

BOOST_AUTO_TEST_CASE(without_rotation_tokens_never_expire_and_nothing_refreshes)
{
    mock::server_options options;
    options.token_rotation = false;
    methods_mock fx(options);
    const json::object r = fx.exchange_code("oauth.v2.access", fx.server.mint_code({.user_scope = "identify"}));
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(starts(r, "access_token", "xoxb-"));
    BOOST_TEST(!r.contains("expires_in"));
    BOOST_TEST(!r.contains("refresh_token"));
    BOOST_TEST(starts(r.at("authed_user").as_object(), "access_token", "xoxp-"));
    const json::object tested = fx.auth_test(secret(r, "access_token"));
    BOOST_TEST(is_ok(tested));
    BOOST_TEST(!tested.contains("expires_in"));
    const mock::minted_tokens rotating = fx.server.mint_tokens({});
    BOOST_TEST(error_of(fx.refresh("oauth.v2.access", rotating.refresh_token)) == "invalid_refresh_token");
    const mock::minted_tokens legacy = fx.server.mint_tokens({.rotating = false});
    BOOST_TEST(error_of(fx.call("oauth.v2.exchange", fx.client() + "&token=" + enc(legacy.access_token))) ==
               "token_rotation_not_enabled");
}

BOOST_AUTO_TEST_CASE(openid_token_and_user_info)
{
    const std::string verifier = "a-verifier-long-enough-for-pkce-0123456789abcdef";
    const std::string code = server.mint_code({.method = "openid.connect.token",
                                               .redirect_uri = "https://example.com/oidc",
                                               .code_challenge = "JeR30v2Rq36d9_adNyut3uISPkJUgNuPkCAHZYvkQic",
                                               .scope = "openid,email,profile"});
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code)) == "invalid_code");
    const std::string redirect = "&redirect_uri=" + enc("https://example.com/oidc");
    BOOST_TEST(error_of(exchange_code("openid.connect.token", code, "&code_verifier=x" + redirect)) ==
               "invalid_code_verifier");
    BOOST_TEST(error_of(exchange_code("openid.connect.token", code, "&code_verifier=" + verifier)) ==
               "bad_redirect_uri");
    // The challenge above was computed apart (Python hashlib) from the verifier.
    const json::object r = exchange_code("openid.connect.token", code, "&code_verifier=" + verifier + redirect);
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(text(r, "token_type") == "Bearer");
    BOOST_TEST(starts(r, "access_token", "xoxe.xoxp-1-"));
    BOOST_TEST(starts(r, "refresh_token", "xoxe-1-"));
    BOOST_TEST(r.at("expires_in").as_int64() == 43200);
    const std::string id_token = secret(r, "id_token");
    const auto first_dot = id_token.find('.'), second_dot = id_token.rfind('.');
    BOOST_REQUIRE(first_dot != std::string::npos);
    BOOST_REQUIRE(second_dot > first_dot);
    const json::object claims =
        json::parse(from_base64url(id_token.substr(first_dot + 1, second_dot - first_dot - 1))).as_object();
    BOOST_TEST(text(claims, "https://slack.com/team_id") == "T0MOCKTEAM");
    BOOST_TEST(text(claims, "email").find('@') != std::string::npos);
    BOOST_TEST(error_of(exchange_code("openid.connect.token", code, "&code_verifier=" + verifier + redirect)) ==
               "invalid_code");

    const json::object info = call("openid.connect.userInfo", "", "Bearer " + secret(r, "access_token"));
    BOOST_REQUIRE_MESSAGE(is_ok(info), error_of(info));
    BOOST_TEST(text(info, "sub") == text(claims, "sub"));
    BOOST_TEST(text(info, "https://slack.com/user_id") == text(claims, "sub"));
    BOOST_TEST(text(info, "https://slack.com/team_id") == "T0MOCKTEAM");
    BOOST_TEST(text(info, "https://slack.com/team_name") == "Mock Team");
    BOOST_TEST(text(info, "https://slack.com/team_domain") == "mock-team");
    for (const char* key : {"email", "name", "picture", "given_name", "family_name", "locale"})
        BOOST_TEST(text(info, key).size() > 0u, key);
    // Every image size methods.json documents.
    for (const char* size : {"24", "32", "48", "72", "192", "512", "1024"})
        BOOST_TEST(text(info, std::string("https://slack.com/user_image_") + size).starts_with("https://"), size);
    for (const char* size : {"34", "44", "68", "88", "102", "132", "230"})
        BOOST_TEST(text(info, std::string("https://slack.com/team_image_") + size).starts_with("https://"), size);
    BOOST_TEST(info.at("email_verified").as_bool());
    BOOST_TEST(info.at("date_email_verified").is_int64());
    BOOST_TEST(info.at("https://slack.com/team_image_default").as_bool());

    const json::object refreshed = refresh("openid.connect.token", secret(r, "refresh_token"));
    BOOST_REQUIRE_MESSAGE(is_ok(refreshed), error_of(refreshed));
    BOOST_TEST(text(refreshed, "token_type") == "Bearer");
    BOOST_TEST((secret(refreshed, "access_token") != secret(r, "access_token")));
    BOOST_TEST(is_ok(call("openid.connect.userInfo", "", "Bearer " + secret(refreshed, "access_token"))));
    BOOST_TEST(error_of(refresh("openid.connect.token", server.mint_tokens({}).refresh_token)) ==
               "invalid_refresh_token");  // an install's refresh token is not an OpenID one
    BOOST_TEST(error_of(call("openid.connect.token", client() + "&grant_type=password")) == "invalid_grant_type");

    BOOST_TEST(error_of(call("openid.connect.userInfo", "")) == "not_authed");
    BOOST_TEST(error_of(call("openid.connect.userInfo", "", "Bearer xoxp-unknown")) == "invalid_auth");
    BOOST_TEST(error_of(call("openid.connect.userInfo", "", "Bearer " + server.mint_tokens({}).access_token)) ==
               "not_allowed_token_type");
}

BOOST_AUTO_TEST_CASE(auth_test_says_what_a_token_is)
{
    BOOST_TEST(error_of(call("auth.test", "")) == "not_authed");
    BOOST_TEST(error_of(auth_test("xoxb-unknown")) == "invalid_auth");
    const mock::minted_tokens bot = server.mint_tokens({});
    const json::object r = auth_test(bot.access_token);
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(text(r, "url") == "https://mock-team.slack.com/");
    BOOST_TEST(text(r, "team") == "Mock Team");
    BOOST_TEST(text(r, "team_id") == "T0MOCKTEAM");
    BOOST_TEST(text(r, "user_id").starts_with("U"));
    BOOST_TEST(text(r, "bot_id").starts_with("B"));
    BOOST_TEST(r.at("is_enterprise_install").as_bool() == false);
    BOOST_TEST(r.at("expires_in").as_int64() > 43000);
    BOOST_TEST(r.at("expires_in").as_int64() <= 43200);

    const json::object user = auth_test(server.mint_tokens({.kind = mock::token_kind::user}).access_token);
    BOOST_TEST(is_ok(user));
    BOOST_TEST(!user.contains("bot_id"));
    // The token as a form field, which Slack also accepts; a bodiless POST with the header, too.
    BOOST_TEST(is_ok(call("auth.test", "token=" + enc(bot.access_token))));
    BOOST_TEST(
        is_ok(json::parse(send(*this, http::verb::post, "/api/auth.test", {}, {}, "Bearer " + bot.access_token).body)
                  .as_object()));
    BOOST_TEST((server.requests().back().code == bot.access_token));
    BOOST_TEST(server.exchanges(bot.access_token) == 3u);
}

BOOST_AUTO_TEST_CASE(rotating_tokens_expire)
{
    mock::server_options options;
    options.access_token_lifetime = 0s;
    methods_mock fx(options);
    const mock::minted_tokens bot = fx.server.mint_tokens({});
    BOOST_TEST(!fx.server.token_active(bot.access_token));
    BOOST_TEST(error_of(fx.auth_test(bot.access_token)) == "token_expired");
    const mock::minted_tokens legacy = fx.server.mint_tokens({.rotating = false});
    BOOST_TEST(is_ok(fx.auth_test(legacy.access_token)));  // long-lived tokens do not
}

BOOST_AUTO_TEST_CASE(revoke_tests_or_ends_a_token)
{
    const mock::minted_tokens bot = server.mint_tokens({});
    const json::object tested = call("auth.revoke", "test=true", "Bearer " + bot.access_token);
    BOOST_REQUIRE_MESSAGE(is_ok(tested), error_of(tested));
    BOOST_TEST(tested.at("revoked").as_bool() == false);
    BOOST_TEST(server.token_active(bot.access_token));
    const json::object revoked = call("auth.revoke", "", "Bearer " + bot.access_token);
    BOOST_REQUIRE_MESSAGE(is_ok(revoked), error_of(revoked));
    BOOST_TEST(revoked.at("revoked").as_bool() == true);
    BOOST_TEST(error_of(auth_test(bot.access_token)) == "token_revoked");
    BOOST_TEST(error_of(call("auth.revoke", "", "Bearer " + bot.access_token)) == "token_revoked");
    BOOST_TEST(error_of(call("auth.revoke", "")) == "not_authed");
    BOOST_TEST(error_of(call("auth.revoke", "test=1", "Bearer xoxb-unknown")) == "invalid_auth");
}

BOOST_AUTO_TEST_CASE(uninstall_revokes_every_token_of_the_installation)
{
    const mock::minted_tokens bot = server.mint_tokens({});
    const json::object second = refresh("oauth.v2.access", bot.refresh_token);
    BOOST_REQUIRE_MESSAGE(is_ok(second), error_of(second));
    const mock::minted_tokens other = server.mint_tokens({});
    const std::string bearer = "Bearer " + bot.access_token;
    BOOST_TEST(error_of(call("apps.uninstall", "client_id=x", bearer)) == "invalid_client_id");
    BOOST_TEST(error_of(call("apps.uninstall", "client_id=" + enc(server.options().client_id) + "&client_secret=no",
                             bearer)) == "bad_client_secret");
    BOOST_TEST(error_of(call("apps.uninstall", client())) == "not_authed");
    BOOST_TEST(server.token_active(bot.access_token));
    const json::object r = call("apps.uninstall", client(), bearer);
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST((r.contains("uninstalled") && r.at("uninstalled") == true));  // Slack's output schema requires it
    BOOST_TEST(error_of(auth_test(bot.access_token)) == "token_revoked");
    BOOST_TEST(error_of(auth_test(secret(second, "access_token"))) == "token_revoked");
    BOOST_TEST(error_of(refresh("oauth.v2.access", secret(second, "refresh_token"))) == "invalid_refresh_token");
    BOOST_TEST(server.token_active(other.access_token));
}

BOOST_AUTO_TEST_CASE(api_test_echoes_form_and_json_arguments)
{
    const json::object r = call("api.test", "foo=bar&n=1&foo=baz", "Bearer xoxb-not-checked");
    BOOST_REQUIRE_MESSAGE(is_ok(r), error_of(r));
    BOOST_TEST(text(r.at("args").as_object(), "foo") == "baz");
    BOOST_TEST(text(r.at("args").as_object(), "n") == "1");
    BOOST_TEST(server.requests().back().authorization == "Bearer xoxb-not-checked");

    const json::object failed = call("api.test", "error=my_error&x=y");
    BOOST_TEST(error_of(failed) == "my_error");
    BOOST_TEST(text(failed.at("args").as_object(), "x") == "y");

    auto post_json = [&](std::string body) {
        return json::parse(send(*this, http::verb::post, "/api/api.test", "application/json", std::move(body)).body)
            .as_object();
    };
    const json::object from_json = post_json(R"({"a":[1,2],"b":{"c":true}})");
    BOOST_REQUIRE_MESSAGE(is_ok(from_json), error_of(from_json));
    BOOST_TEST(from_json.at("args").as_object().at("a").as_array().size() == 2u);
    BOOST_TEST(error_of(post_json(R"({"error":"from_json"})")) == "from_json");
    BOOST_TEST(error_of(post_json("{not json")) == "invalid_json");
    BOOST_TEST(error_of(post_json("[1,2]")) == "json_not_object");
    // JSON bodies are api.test's only.
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.v2.access", "application/json", "{}")) ==
               "invalid_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/no.such.method", form_type, "")) == "unknown_method");
}

BOOST_AUTO_TEST_CASE(rate_limit_windows_hold_per_method_and_credential)
{
    const std::string form = client() + "&code=mock-ratelimit-2-30-w";
    const raw_reply limited = send(*this, http::verb::post, "/api/oauth.v2.access", form_type, form);
    BOOST_TEST(limited.status == 429u);
    BOOST_TEST(limited.retry_after == "30");
    // The window holds for that word and oauth.v2.access: its next attempt gets the window's 429 ...
    const raw_reply again = send(*this, http::verb::post, "/api/oauth.v2.access", form_type, form);
    BOOST_TEST(again.status == 429u);
    BOOST_TEST(server.requests().back().status == 429u);
    // ... other words and minted codes, other tests sharing the mock, are not held ...
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", "mock-error-x-other")) == "x");
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", server.mint_code(mock::code_options{}))));
    // ... nor other methods.
    BOOST_TEST(error_of(exchange_code("oauth.access", "mock-error-x-legacy")) == "x");
    BOOST_TEST(is_ok(call("api.test", "")));
    BOOST_TEST(is_ok(auth_test("mock-reusable")));
}

BOOST_AUTO_TEST_CASE(a_refresh_tokens_window_holds_no_other_refresh)
{
    const mock::minted_tokens other = server.mint_tokens({});
    const raw_reply limited = send(*this, http::verb::post, "/api/oauth.v2.access", form_type,
                                   client() + "&grant_type=refresh_token&refresh_token=mock-ratelimit-1-30-r");
    BOOST_TEST(limited.status == 429u);
    BOOST_TEST(is_ok(refresh("oauth.v2.access", other.refresh_token)));
}

BOOST_AUTO_TEST_CASE(reset_forgets_requests_windows_faults_codes_and_tokens)
{
    const mock::minted_tokens tokens = server.mint_tokens({});
    const std::string code = server.mint_code(mock::code_options{});
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", "mock-payload-bot")));
    BOOST_TEST(
        send(*this, http::verb::post, "/api/oauth.v2.access", form_type, client() + "&code=mock-ratelimit-1-60-z")
            .status == 429u);
    server.lose_refresh_answers(5);
    BOOST_TEST(server.exchanges("mock-payload-bot") == 1u);

    server.reset();
    BOOST_TEST(server.requests().empty());
    BOOST_TEST(server.exchanges("mock-payload-bot") == 0u);
    BOOST_TEST(server.memory().live_tokens == 0u);
    BOOST_TEST(server.memory().live_codes == 0u);
    BOOST_TEST(error_of(auth_test(tokens.access_token)) == "invalid_auth");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", code)) == "invalid_code");
    // A spent word works afresh; the window is gone, and a ratelimit word counts its attempts anew.
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", "mock-payload-bot")));
    BOOST_TEST(
        send(*this, http::verb::post, "/api/oauth.v2.access", form_type, client() + "&code=mock-ratelimit-1-60-z")
            .status == 429u);
    // No fault armed: a refresh is answered.
    BOOST_TEST(is_ok(refresh("oauth.v2.access", server.mint_tokens({}).refresh_token)));
}

BOOST_AUTO_TEST_CASE(post_mock_reset_is_reset_over_http)
{
    const mock::minted_tokens tokens = server.mint_tokens({});
    BOOST_TEST(is_ok(auth_test(tokens.access_token)));
    const raw_reply reset = send(*this, http::verb::post, "/mock/reset", form_type, "");
    BOOST_TEST(reset.status == 200u);
    BOOST_TEST(reset.body == R"({"ok":true})");
    BOOST_TEST(server.requests().empty());  // the reset itself is not recorded
    BOOST_TEST(error_of(auth_test(tokens.access_token)) == "invalid_auth");
    BOOST_TEST(send(*this, http::verb::get, "/mock/reset", form_type, "").status == 404u);  // POST only
}

BOOST_AUTO_TEST_CASE(ratelimitbare_429s_never_carry_retry_after)
{
    const std::string form = client() + "&code=mock-ratelimitbare-2-b";
    for (int attempt = 0; attempt < 2; ++attempt) {
        const raw_reply limited = send(*this, http::verb::post, "/api/oauth.v2.access", form_type, form);
        BOOST_TEST(limited.status == 429u);
        BOOST_TEST(limited.retry_after.empty());
    }
    // No Retry-After announces a window, so none holds the method ...
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", "mock-error-x-after-bare")) == "x");
    // ... and the word succeeds after its K attempts.
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", "mock-ratelimitbare-2-b")));
}

BOOST_AUTO_TEST_CASE(a_ratelimitdate_window_answers_with_http_dates)
{
    const std::string form = client() + "&code=mock-ratelimitdate-1-30-w";
    const raw_reply limited = send(*this, http::verb::post, "/api/oauth.v2.access", form_type, form);
    BOOST_TEST(limited.status == 429u);
    BOOST_TEST(limited.retry_after.ends_with(" GMT"));
    const raw_reply also = send(*this, http::verb::post, "/api/oauth.v2.access", form_type, form);
    BOOST_TEST(also.status == 429u);
    BOOST_TEST(also.retry_after.ends_with(" GMT"));
}

BOOST_AUTO_TEST_CASE(a_payload_error_spends_nothing)
{
    // Slack refused the request before acting on it: the same word answers the same again.
    for (int attempt = 0; attempt < 2; ++attempt) {
        BOOST_TEST(error_of(exchange_code("oauth.v2.access", "mock-payload-error")) == "invalid_client_id");
        BOOST_TEST(error_of(exchange_code("oauth.access", "mock-payload-error")) == "invalid_client_id");
        BOOST_TEST(error_of(call("auth.revoke", "", "Bearer mock-payload-error")) == "invalid_auth");
    }
    // A documented success is still spent.
    BOOST_TEST(is_ok(exchange_code("oauth.v2.access", "mock-payload-success")));
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", "mock-payload-success")) == "invalid_code");
}

BOOST_AUTO_TEST_CASE(magic_words_script_every_methods_credential)
{
    // The code of a code grant.
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", "mock-error-invalid_team")) == "invalid_team");
    for (int i = 0; i < 3; ++i) {
        const json::object reusable = exchange_code("oauth.v2.access", "mock-reusable");
        BOOST_TEST(is_ok(reusable));
        BOOST_TEST(reusable.contains("refresh_token"));
    }
    const json::object siws = exchange_code("oauth.v2.access", "mock-payload-success_with_sign_in_with_slack");
    BOOST_TEST(text(siws, "app_id") == "A0118NQPZZC");
    BOOST_TEST(error_of(exchange_code("oauth.v2.access", "mock-payload-success_with_sign_in_with_slack")) ==
               "invalid_code");  // spent
    BOOST_TEST(text(exchange_code("oauth.access", "mock-payload-minimal"), "team_name") == "Wyld Stallyns LLC");
    // A magic success is a real installation: its token works.
    const json::object installed = exchange_code("oauth.v2.access", "mock-unavailable-1-real");
    BOOST_TEST(error_of(installed) == "service_unavailable");
    const json::object then = exchange_code("oauth.v2.access", "mock-unavailable-1-real");
    BOOST_REQUIRE_MESSAGE(is_ok(then), error_of(then));
    BOOST_TEST(is_ok(auth_test(secret(then, "access_token"))));
    BOOST_TEST(server.exchanges("mock-unavailable-1-real") == 2u);

    // The refresh token of a refresh grant.
    BOOST_TEST(error_of(refresh("oauth.v2.access", "mock-error-invalid_refresh_token")) == "invalid_refresh_token");
    const json::object refreshed = refresh("oauth.v2.access", "mock-payload-success_with_token_rotation");
    BOOST_TEST(text(refreshed, "access_token") == "xoxe.xoxb-1-..");
    // The exchanged token.
    BOOST_TEST(error_of(call("oauth.v2.exchange", client() + "&token=mock-error-token_revoked")) == "token_revoked");
    // Bearer tokens.
    BOOST_TEST(text(auth_test("mock-payload-success_with_bot_token"), "bot_id") == "BZYBOTHED");
    BOOST_TEST(error_of(auth_test("mock-error-account_inactive")) == "account_inactive");
    for (int i = 0; i < 3; ++i)
        BOOST_TEST(is_ok(auth_test("mock-reusable")));
    BOOST_TEST(text(call("openid.connect.userInfo", "", "Bearer mock-payload-success"), "sub") == "U0R7JM");
    BOOST_TEST(is_ok(call("auth.revoke", "", "Bearer mock-delay-10")));
    BOOST_TEST(error_of(call("auth.revoke", "", "Bearer mock-delay-10")) == "token_revoked");  // spent
    const json::object uninstalled = call("apps.uninstall", client(), "Bearer mock-payload-success");
    BOOST_TEST((is_ok(uninstalled) && uninstalled.contains("uninstalled") && uninstalled.at("uninstalled") == true));
    BOOST_TEST(error_of(auth_test("mock-nonsense")) == "invalid_auth");
}

BOOST_AUTO_TEST_CASE(codes_and_tokens_minted_over_http)
{
    const raw_reply minted = send(*this, http::verb::post, "/mock/codes", form_type,
                                  "method=oauth.v2.user.access&user_scope=identify&code_challenge=" +
                                      std::string("P6e8LW7d_uaCqGPhlkD9szXKwUwYFdy2QCjkcdRotEk"));
    const json::object code = json::parse(minted.body).as_object();
    BOOST_REQUIRE(is_ok(code));
    BOOST_TEST(error_of(exchange_code("oauth.v2.user.access", secret(code, "code"))) == "invalid_code_verifier");
    const json::object user = exchange_code("oauth.v2.user.access", secret(code, "code"),
                                            "&code_verifier=dBjftJeZ4CVP-mJ92K9qzTpY8kB4rq7Gtw8BtR8q6bo");
    BOOST_REQUIRE_MESSAGE(is_ok(user), error_of(user));
    BOOST_TEST(text(user, "scope") == "identify");
    BOOST_TEST(error_of(json::parse(send(*this, http::verb::post, "/mock/codes", form_type, "method=auth.test").body)
                            .as_object()) == "invalid_arguments");

    const json::object tokens =
        json::parse(send(*this, http::verb::post, "/mock/tokens", form_type, "kind=user&scope=identify").body)
            .as_object();
    BOOST_REQUIRE(is_ok(tokens));
    BOOST_TEST(starts(tokens, "access_token", "xoxe.xoxp-1-"));
    BOOST_TEST(starts(tokens, "refresh_token", "xoxe-1-"));
    BOOST_TEST(is_ok(auth_test(secret(tokens, "access_token"))));
    const json::object legacy =
        json::parse(send(*this, http::verb::post, "/mock/tokens", form_type, "rotating=false").body).as_object();
    BOOST_TEST(starts(legacy, "access_token", "xoxb-"));
    BOOST_TEST(secret(legacy, "refresh_token").empty());
    BOOST_TEST(
        error_of(json::parse(send(*this, http::verb::post, "/mock/tokens", form_type, "kind=app").body).as_object()) ==
        "invalid_arguments");
    const json::object public_client =
        json::parse(send(*this, http::verb::post, "/mock/tokens", form_type, "public_client=true").body).as_object();
    BOOST_TEST(is_ok(call("oauth.v2.access", "client_id=" + enc(server.options().client_id) +
                                                 "&grant_type=refresh_token&refresh_token=" +
                                                 enc(secret(public_client, "refresh_token")))));
    BOOST_TEST(
        error_of(json::parse(send(*this, http::verb::post, "/mock/tokens", form_type, "public_client=maybe").body)
                     .as_object()) == "invalid_arguments");
}

BOOST_AUTO_TEST_CASE(tokens_stay_within_max_token_bytes)
{
    constexpr std::size_t bound = 32 * 1024;
    mock::server_options options;
    options.max_token_bytes = bound;
    methods_mock fx(options);
    const mock::minted_tokens oldest = fx.server.mint_tokens({});
    for (int i = 0; i < 1000; ++i)
        fx.server.mint_tokens({});
    const mock::minted_tokens newest = fx.server.mint_tokens({});
    const mock::memory_use used = fx.server.memory();
    BOOST_TEST(used.token_bytes <= bound);
    BOOST_TEST(used.live_tokens > 10u);
    BOOST_TEST(used.live_tokens < 2000u);
    BOOST_TEST(fx.server.token_active(newest.access_token));
    BOOST_TEST(!fx.server.token_active(oldest.access_token));  // the oldest are forgotten first
    BOOST_TEST(error_of(fx.auth_test(oldest.access_token)) == "invalid_auth");
}

BOOST_AUTO_TEST_SUITE_END()
