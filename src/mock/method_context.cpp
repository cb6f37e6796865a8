// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/method_context.hpp"

#include <algorithm>

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

const std::string& mock_state::window_key(std::string_view method, std::string_view bearer_token)
{
    window_key_.assign(method).append(1, '\n');
    if (bearer_token.empty())
        window_key_.append("app");
    else if (const token_record* record = tokens.find(bearer_token); record && record->owner)
        window_key_.append("installation:").append(record->owner->user_id);
    else
        window_key_.append("token:").append(bearer_token);
    return window_key_;
}

const rate_window* mock_state::find_window(std::string_view method, std::string_view bearer_token)
{
    const auto found = rate_windows.find(window_key(method, bearer_token));
    return found == rate_windows.end() ? nullptr : &found->second;
}

rate_window& mock_state::window(std::string_view method, std::string_view bearer_token)
{
    const std::string& key = window_key(method, bearer_token);
    if (const auto found = rate_windows.find(key); found != rate_windows.end())
        return found->second;
    if (rate_windows.size() >= prune_windows_at_) {  // every magic word makes one: keep them bounded
        const clock::time_point now = clock::now();
        std::erase_if(rate_windows, [&](const auto& entry) { return entry.second.until <= now; });
        prune_windows_at_ = std::max<std::size_t>(1024, 2 * rate_windows.size());
    }
    return rate_windows.emplace(key, rate_window{}).first->second;
}

std::string_view mock_state::workspace_of(std::string_view credential)
{
    if (const token_record* record = tokens.find(credential); record && record->owner)
        return record->owner->team_id.empty() ? std::string_view(options.team_id) : record->owner->team_id;
    if (codes.find(credential))
        return options.team_id;
    return credential;
}

void mock_state::reset()
{
    codes.clear();
    tokens.clear();
    rate_windows.clear();
    tiers.clear();
    prune_windows_at_ = 1024;
    refresh_answers_to_lose = 0;
    lose_answers_of.clear();
}

std::optional<outgoing_reply> answer_if_magic(mock_state& state, std::string_view credential, const magic_method& magic)
{
    if (!is_magic(credential))
        return std::nullopt;
    code_state& script = state.codes.magic(magic.name, credential);
    // The window is the word's own: a magic word is a workspace of its own, so a shared mock's
    // other tests (other words, minted codes) are not held by it.
    return magic_answer(credential, script, magic, state.window(magic.name, credential));
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
