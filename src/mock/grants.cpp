// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/grants.hpp"

#include "mock/crypto.hpp"

namespace slack::mock::detail {

grant grant_of(const method_call& call)
{
    const std::string_view type = call.params.get("grant_type");
    if (type.empty() || type == "authorization_code")
        return grant::code;
    return type == "refresh_token" ? grant::refresh : grant::unknown;
}

code_lookup find_unspent_code(mock_state& state, const method_call& call, std::string_view spent_error)
{
    code_state* found = state.codes.find(call.credential);
    if (!found || found->method != call.method)
        return {nullptr, slack_error("invalid_code")};  // never issued, expired, forgotten, or for another method
    ++found->attempts;
    if (found->used)
        return {nullptr, slack_error(spent_error)};
    if (!found->redirect_uri.empty() && found->redirect_uri != call.params.get("redirect_uri"))
        return {nullptr, slack_error("bad_redirect_uri")};
    return {found, std::nullopt};
}

outgoing_reply code_grant(mock_state& state, method_call& call, std::string_view reusable_example,
                          const code_answer& answer)
{
    call.credential = call.params.get("code");
    const std::string& code = call.credential;
    if (code.empty())
        return slack_error("invalid_code");
    // Without a secret only PKCE proves the client, and a verifier is the proof.
    const bool verifier_sent = call.params.has("code_verifier");
    if (call.public_client && !verifier_sent)
        return slack_error("bad_client_secret");
    // An installation made through PKCE belongs to a public client: its refreshes need no secret.
    auto install = [&](const code_state& granted_code, bool pkce) {
        const auto owner = state.tokens.install();
        owner->public_client = pkce;
        return answer(granted_code, owner);
    };
    const code_options defaults{};
    const code_state magic_code{.method = std::string(call.method),
                                .scope = std::string(defaults.scope),
                                .user_scope = std::string(defaults.user_scope)};
    // Magic codes script the answer: their redirect URI and verifier are not checked (a verifier
    // stands for one that matches).
    const magic_method magic{.name = call.method,
                             .spent_error = "invalid_code",
                             .unknown_error = "invalid_code",
                             .reusable_example = reusable_example,
                             .success = [&] { return install(magic_code, verifier_sent); }};
    if (auto scripted = answer_if_magic(state, code, magic))
        return *scripted;

    // A second exchange: Slack's v2 answer is invalid_code.
    const code_lookup lookup = find_unspent_code(state, call, "invalid_code");
    if (lookup.refused)
        return *lookup.refused;
    code_state* found = lookup.code;
    const bool pkce = !found->code_challenge.empty();
    if (call.public_client && !pkce)
        return slack_error("bad_client_secret");  // a verifier proves nothing for a code bound to no challenge
    const std::string_view verifier = call.params.get("code_verifier");
    if (pkce ? verifier.empty() || pkce_s256(verifier) != found->code_challenge : verifier_sent)
        return slack_error("invalid_code_verifier");
    found->used = true;
    const code_state spent = *found;  // minting below may not touch codes, but keep no pointer across it
    return json_reply(install(spent, pkce));
}

outgoing_reply refresh_grant(mock_state& state, method_call& call, std::string_view reusable_example,
                             token_origin origin, std::optional<token_kind> kind, const refresh_answer& answer)
{
    call.credential = call.params.get("refresh_token");
    const std::string& refresh_token = call.credential;
    if (refresh_token.empty())
        return slack_error("invalid_refresh_token");
    const magic_method magic{
        .name = call.method,
        .spent_error = "invalid_refresh_token",
        .unknown_error = "invalid_refresh_token",
        .reusable_example = reusable_example,
        .success = [&] {
            const token_kind fresh_kind = kind.value_or(token_kind::bot);
            auto owner = state.tokens.install();
            owner->public_client = call.public_client;  // a magic word stands for any refresh token
            const std::string scope = fresh_kind == token_kind::bot ? "chat:write" : "identify";
            const granted g{fresh_kind, state.tokens.mint(owner, fresh_kind, true, scope, origin), scope, true};
            return answer(*owner, g);
        }};
    if (auto scripted = answer_if_magic(state, refresh_token, magic))
        return *scripted;

    token_record* found = state.tokens.find(refresh_token);
    // Without rotation Slack knows no refresh tokens at all.
    if (!state.options.token_rotation || !found || !found->is_refresh || found->origin != origin ||
        (kind && found->kind != *kind) || found->revoked || found->owner->uninstalled)
        return slack_error("invalid_refresh_token");
    // Slack: refreshes need the secret, except a PKCE public client's.
    if (call.public_client && !found->owner->public_client)
        return slack_error("bad_client_secret");
    const auto now = clock::now();
    if (found->first_used && now - *found->first_used >= state.options.refresh_grace)
        return slack_error("invalid_refresh_token");  // used, and its grace period is over
    if (!found->first_used)
        found->first_used = now;
    // Copies: minting may forget `found` to stay within max_token_bytes.
    const std::shared_ptr<installation> owner = found->owner;
    const token_kind found_kind = found->kind;
    const std::string scope = found->scope;
    const granted g{found_kind, state.tokens.mint(owner, found_kind, true, scope, origin), scope, true};
    outgoing_reply reply = json_reply(answer(*owner, g));
    reply.delay = state.options.refresh_delay;  // rotated already: a client that dies meanwhile loses the pair
    if (state.refresh_answers_to_lose > 0 &&
        (state.lose_answers_of.empty() || state.lose_answers_of == refresh_token)) {
        --state.refresh_answers_to_lose;
        reply.close_without_reply = true;  // rotated, and the answer lost on the way
    }
    return reply;
}

}  // namespace slack::mock::detail
