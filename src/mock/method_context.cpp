#include "mock/method_context.hpp"

namespace slack::mock::detail {

std::optional<outgoing_reply> check_client(const mock_state& state, const method_call& call, bool bearer_in_header)
{
    std::string id(call.params.get("client_id")), secret(call.params.get("client_secret"));
    const bool basic = call.authorization.substr(0, 6) == "Basic ";
    if (!call.authorization.empty() && (basic || !bearer_in_header) && !decode_basic(call.authorization, id, secret))
        return slack_error("invalid_auth");
    if (id != state.options.client_id)
        return slack_error("invalid_client_id");
    // A PKCE public client has no secret: its code_verifier proves the code is its own (the code
    // grant checks it against the code's challenge).
    if (secret.empty() && !call.params.get("code_verifier").empty())
        return std::nullopt;
    if (secret != state.options.client_secret)
        return slack_error("bad_client_secret");
    return std::nullopt;
}

std::optional<outgoing_reply> answer_if_magic(mock_state& state, std::string_view credential, const magic_method& magic)
{
    if (!is_magic(credential))
        return std::nullopt;
    code_state& script = state.codes.magic(magic.name, credential);
    auto window = state.rate_limited_until.find(magic.name);  // no allocation on the load tests' path
    if (window == state.rate_limited_until.end())
        window = state.rate_limited_until.emplace(std::string(magic.name), clock::time_point{}).first;
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
