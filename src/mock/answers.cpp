// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/answers.hpp"

#include "mock/crypto.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>

namespace slack::mock::detail {

namespace json = boost::json;

namespace {

// "Mock Team" -> "mock-team": the workspace's subdomain.
std::string team_domain(const server_options& options)
{
    std::string domain;
    for (const char c : options.team_name) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            domain += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!domain.empty() && domain.back() != '-')
            domain += '-';
    }
    return domain.empty() ? "mock" : domain;
}

json::object team(const server_options& options, bool with_name = true)
{
    json::object out{{"id", options.team_id}};
    if (with_name)
        out["name"] = options.team_name;
    return out;
}

void add_rotation(json::object& out, const mock_state& state, const granted& g)
{
    if (!g.rotating)
        return;
    out["expires_in"] = state.options.access_token_lifetime.count();
    out["refresh_token"] = g.tokens.refresh_token;
}

std::string email_of(const installation& owner) { return "user-" + owner.user_id + "@mock.example"; }

// The user's OpenID claims, which the id_token and openid.connect.userInfo both carry.
json::object identity_claims(const mock_state& state, const installation& owner)
{
    return {{"sub", owner.user_id},
            {"https://slack.com/user_id", owner.user_id},
            {"https://slack.com/team_id", state.options.team_id},
            {"email", email_of(owner)},
            {"email_verified", true},
            {"date_email_verified", 1622128723},
            {"name", "Mock User"},
            {"given_name", "Mock"},
            {"family_name", "User"},
            {"locale", "en-US"},
            {"https://slack.com/team_name", state.options.team_name},
            {"https://slack.com/team_domain", team_domain(state.options)}};
}

}  // namespace

json::object v2_access_answer(const mock_state& state, const installation& owner, const granted* bot,
                              const granted* user)
{
    json::object out{{"ok", true}};
    if (bot) {
        out["access_token"] = bot->tokens.access_token;
        out["token_type"] = "bot";
        out["scope"] = bot->scope;
        out["bot_user_id"] = owner.bot_user_id;
    }
    out["app_id"] = state.options.app_id;
    if (bot)
        add_rotation(out, state, *bot);
    out["team"] = team(state.options);
    out["enterprise"] = nullptr;
    out["is_enterprise_install"] = false;
    json::object authed{{"id", owner.user_id}};
    if (user) {
        authed["scope"] = user->scope;
        authed["access_token"] = user->tokens.access_token;
        authed["token_type"] = "user";
        add_rotation(authed, state, *user);
    }
    out["authed_user"] = std::move(authed);
    return out;
}

json::object flat_user_answer(const mock_state& state, const installation& owner, const granted& user, bool refreshed)
{
    json::object out{{"ok", true},
                     {"access_token", user.tokens.access_token},
                     {"token_type", "user"},
                     {"scope", user.scope},
                     {"user_id", owner.user_id},
                     {"app_id", state.options.app_id}};
    add_rotation(out, state, user);
    out["team"] = team(state.options, !refreshed);  // a refresh answers the team's id only
    out["enterprise"] = nullptr;
    out["is_enterprise_install"] = false;
    return out;
}

json::object exchange_answer(const mock_state& state, const installation& owner, const granted& bot)
{
    json::object out{
        {"ok", true},         {"app_id", state.options.app_id},   {"token_type", "bot"},
        {"scope", bot.scope}, {"bot_user_id", owner.bot_user_id}, {"access_token", bot.tokens.access_token}};
    add_rotation(out, state, bot);
    out["team"] = team(state.options);
    out["enterprise"] = nullptr;
    return out;
}

json::object openid_token_answer(const mock_state& state, const installation& owner, const granted& user,
                                 std::string_view nonce)
{
    // Shaped like Slack's JWT, but not signed: the third part is random bytes.
    const std::time_t now = std::time(nullptr);
    const json::object header{{"typ", "JWT"}, {"alg", "RS256"}, {"kid", "mock-unsigned"}};
    json::object claims = identity_claims(state, owner);
    claims["iss"] = "https://slack.com";
    claims["aud"] = state.options.client_id;
    claims["exp"] = now + 3600;
    claims["iat"] = now;
    claims["auth_time"] = now;
    if (!nonce.empty())
        claims["nonce"] = nonce;  // as Slack: no claim when the authorize request sent none
    std::string id_token =
        base64url(json::serialize(header)) + '.' + base64url(json::serialize(claims)) + '.' + base64url(random_hex(32));
    json::object out{{"ok", true},
                     {"access_token", user.tokens.access_token},
                     {"token_type", "Bearer"},
                     {"id_token", std::move(id_token)}};
    add_rotation(out, state, user);
    return out;
}

json::object user_info_answer(const mock_state& state, const installation& owner)
{
    const std::string images = "https://avatars.mock.example/" + owner.user_id + "_";
    json::object out = identity_claims(state, owner);
    out["ok"] = true;
    out["picture"] = images + "512.png";
    for (const char* size : {"24", "32", "48", "72", "192", "512", "1024"})
        out[std::string("https://slack.com/user_image_") + size] = images + size + ".png";
    for (const char* size : {"34", "44", "68", "88", "102", "132", "230"})
        out[std::string("https://slack.com/team_image_") + size] =
            "https://avatars.mock.example/" + state.options.team_id + "_" + size + ".png";
    out["https://slack.com/team_image_default"] = true;
    return out;
}

json::object auth_test_answer(const mock_state& state, const installation& owner, token_kind kind,
                              clock::time_point expires)
{
    const bool bot = kind == token_kind::bot;
    json::object out{{"ok", true},
                     {"url", "https://" + team_domain(state.options) + ".slack.com/"},
                     {"team", state.options.team_name},
                     {"user", bot ? "mock-bot" : "mock-user"},
                     {"team_id", owner.team_id.empty() ? state.options.team_id : owner.team_id},
                     {"user_id", bot ? owner.bot_user_id : owner.user_id}};
    if (bot)
        out["bot_id"] = owner.bot_id;
    out["is_enterprise_install"] = false;
    if (expires != clock::time_point::max()) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(expires - clock::now());
        out["expires_in"] = std::max<std::int64_t>(left.count(), 0);
    }
    return out;
}

}  // namespace slack::mock::detail
