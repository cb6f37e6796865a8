// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// openid.connect.token and openid.connect.userInfo: Sign in with Slack.
#include "mock/grants.hpp"
#include "mock/methods.hpp"

namespace slack::mock::detail {

outgoing_reply openid_connect_token(mock_state& state, method_call& call)
{
    if (auto refused = check_client(state, call, secret_rule::pkce_may_replace))
        return *refused;
    switch (grant_of(call)) {
    case grant::code:
        return code_grant(state, call, "success", [&](const code_state& code, const auto& owner) {
            const bool rotating = state.options.token_rotation;
            const std::string& scope = code.user_scope.empty() ? code.scope : code.user_scope;
            const granted g{token_kind::user,
                            state.tokens.mint(owner, token_kind::user, rotating, scope, token_origin::openid), scope,
                            rotating};
            return openid_token_answer(state, *owner, g, code.nonce);
        });
    case grant::refresh:
        // A refresh answers no authorize request: its id_token carries no nonce.
        return refresh_grant(
            state, call, "success", token_origin::openid, token_kind::user,
            [&](const installation& owner, const granted& g) { return openid_token_answer(state, owner, g, {}); });
    case grant::unknown: break;
    }
    return slack_error("invalid_grant_type");
}

outgoing_reply openid_connect_user_info(mock_state& state, method_call& call)
{
    std::string token;
    const magic_method magic{.name = call.method,
                             .spent_error = {},
                             .unknown_error = "invalid_auth",
                             .reusable_example = "success",
                             .success = [&] { return user_info_answer(state, *state.tokens.install()); }};
    if (auto refused = check_bearer(state, call, magic, token))
        return *refused;
    const token_record* found = state.tokens.find(token);
    if (found->origin != token_origin::openid)
        return slack_error("not_allowed_token_type");  // only Sign in with Slack tokens read the user's identity
    return json_reply(user_info_answer(state, *found->owner));
}

}  // namespace slack::mock::detail
