// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// oauth.v2.access, oauth.v2.user.access and oauth.v2.exchange: installations of a Slack app,
// with token rotation when server_options::token_rotation is on.
#include "mock/grants.hpp"
#include "mock/methods.hpp"

namespace slack::mock::detail {

namespace json = boost::json;

namespace {

std::string_view v2_reusable(const mock_state& state)
{
    return state.options.token_rotation ? "success_with_token_rotation" : "success";
}

granted grant_tokens(mock_state& state, const std::shared_ptr<installation>& owner, token_kind kind,
                     std::string_view scope)
{
    const bool rotating = state.options.token_rotation;
    return {kind, state.tokens.mint(owner, kind, rotating, scope), std::string(scope), rotating};
}

// A refresh answers in the shape of its token: bot refreshes like a v2 install, user ones flat.
json::object refreshed_answer(const mock_state& state, const installation& owner, const granted& g)
{
    if (g.kind == token_kind::bot)
        return v2_access_answer(state, owner, &g, nullptr);
    return flat_user_answer(state, owner, g, true);
}

}  // namespace

outgoing_reply oauth_v2_access(mock_state& state, method_call& call)
{
    if (auto refused = check_client(state, call, secret_rule::pkce_may_replace))
        return *refused;
    switch (grant_of(call)) {
    case grant::code:
        return code_grant(state, call, v2_reusable(state), [&](const code_state& code, const auto& owner) {
            // Only user scopes (Sign in with Slack, the v2 way): no bot token at all.
            std::optional<granted> bot, user;
            if (!code.scope.empty())
                bot = grant_tokens(state, owner, token_kind::bot, code.scope);
            if (!code.user_scope.empty())
                user = grant_tokens(state, owner, token_kind::user, code.user_scope);
            return v2_access_answer(state, *owner, bot ? &*bot : nullptr, user ? &*user : nullptr);
        });
    case grant::refresh:
        return refresh_grant(
            state, call, v2_reusable(state), token_origin::install, std::nullopt,
            [&](const installation& owner, const granted& g) { return refreshed_answer(state, owner, g); });
    case grant::unknown: break;
    }
    return slack_error("invalid_grant_type");
}

outgoing_reply oauth_v2_user_access(mock_state& state, method_call& call)
{
    if (auto refused = check_client(state, call, secret_rule::pkce_may_replace))
        return *refused;
    switch (grant_of(call)) {
    case grant::code:
        return code_grant(state, call, "success", [&](const code_state& code, const auto& owner) {
            const std::string& scope = code.user_scope.empty() ? code.scope : code.user_scope;
            return flat_user_answer(state, *owner, grant_tokens(state, owner, token_kind::user, scope), false);
        });
    case grant::refresh:
        return refresh_grant(
            state, call, "success", token_origin::install, token_kind::user,
            [&](const installation& owner, const granted& g) { return flat_user_answer(state, owner, g, true); });
    case grant::unknown: break;
    }
    return slack_error("invalid_grant_type");
}

outgoing_reply oauth_v2_exchange(mock_state& state, method_call& call)
{
    // The token comes as a `token` field or, as slack::web::oauth::v2_exchange sends it, in a
    // Bearer header; the client credentials then come as fields.
    call.credential = bearer_token(call.authorization, call.params);
    if (auto refused = check_client(state, call, secret_rule::required, true))
        return *refused;
    const std::string& legacy = call.credential;
    if (legacy.empty())
        return slack_error("invalid_token");
    auto answer = [&](const installation& owner, const granted& g) {
        return g.kind == token_kind::bot ? exchange_answer(state, owner, g) : flat_user_answer(state, owner, g, false);
    };
    const magic_method magic{.name = call.method,
                             .spent_error = "token_already_exchanged",
                             .unknown_error = "invalid_token",
                             .reusable_example = "success",
                             .success = [&] {
                                 const auto owner = state.tokens.install();
                                 const granted g{token_kind::bot,
                                                 state.tokens.mint(owner, token_kind::bot, true, "chat:write"),
                                                 "chat:write", true};
                                 return answer(*owner, g);
                             }};
    if (auto scripted = answer_if_magic(state, legacy, magic))
        return *scripted;
    if (!state.options.token_rotation)
        return slack_error("token_rotation_not_enabled");

    token_record* found = state.tokens.find(legacy);
    // Only a known, live, long-lived token can be migrated.
    if (!found || found->rotating || state.tokens.status(legacy) != token_status::active)
        return slack_error("invalid_token");
    if (found->exchanged)
        return slack_error("token_already_exchanged");
    found->exchanged = true;
    const std::shared_ptr<installation> owner = found->owner;
    const token_kind kind = found->kind;
    const std::string scope = found->scope;
    const granted g{kind, state.tokens.mint(owner, kind, true, scope), scope, true};
    return json_reply(answer(*owner, g));
}

}  // namespace slack::mock::detail
