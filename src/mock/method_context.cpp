#include "mock/method_context.hpp"

namespace slack::mock::detail {

std::optional<outgoing_reply> check_client(const mock_state& state, method_call& call, secret_rule rule,
                                           bool bearer_in_header)
{
    std::string id(call.params.get("client_id")), secret(call.params.get("client_secret"));
    const bool basic = call.authorization.substr(0, 6) == "Basic ";
    if (!call.authorization.empty() && (basic || !bearer_in_header) && !decode_basic(call.authorization, id, secret))
        return slack_error("invalid_auth");
    if (id != state.options.client_id)
        return slack_error("invalid_client_id");
    // A PKCE public client has no secret; whether PKCE applies depends on the code or refresh
    // token, which the grant checks.
    if (secret.empty() && rule == secret_rule::pkce_may_replace) {
        call.public_client = true;
        return std::nullopt;
    }
    if (secret != state.options.client_secret)
        return slack_error("bad_client_secret");
    return std::nullopt;
}

std::optional<outgoing_reply> answer_if_magic(mock_state& state, std::string_view credential, const magic_method& magic)
{
    if (!is_magic(credential))
        return std::nullopt;
    code_state& script = state.codes.magic(magic.name, credential);
    auto window = state.rate_windows.find(magic.name);  // no allocation on the load tests' path
    if (window == state.rate_windows.end())
        window = state.rate_windows.emplace(std::string(magic.name), rate_window{}).first;
    return magic_answer(credential, script, magic, window->second);
}

std::optional<outgoing_reply> check_bearer(mock_state& state, method_call& call, const magic_method& magic,
                                           std::string& token)
{
    token = bearer_token(call.authorization, call.params);
    call.credential = token;
    if (token.empty())
        return slack_error("not_authed");
    if (auto scripted = answer_if_magic(state, token, magic))
        return scripted;
    switch (state.tokens.status(token)) {
    case token_status::active: return std::nullopt;
    case token_status::expired: return slack_error("token_expired");
    case token_status::revoked: return slack_error("token_revoked");
    case token_status::unknown: break;
    }
    return slack_error("invalid_auth");
}

}  // namespace slack::mock::detail
