// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// What the library needs to know about a Web API method besides its parameters and fields:
/// each method's header gives these as a traits struct, and the one generic runner acts on them.
#include <slack/api_errc.hpp>

#include <cstdint>
#include <string_view>

namespace slack::web {

/// How a method authenticates (can be combined: apps.uninstall takes a token and the app's credentials).
enum class auth_kind : std::uint8_t {
    none = 0,
    client_credentials = 1,  ///< client_id + client_secret: HTTP Basic by default (client_options::credentials).
    bearer_token = 2,        ///< `Authorization: Bearer <token>`, never a form field or a query string.
    /// Bearer token in the header, and client_id / client_secret as form fields (there is one
    /// Authorization header, and the token takes it).
    bearer_and_client_fields = 3,
};

/// How the parameters travel in the POST body.
enum class body_encoding : std::uint8_t {
    form,  ///< application/x-www-form-urlencoded
    json,  ///< application/json (methods that accept it)
};

/// The single-use credential a call spends, if any: it is never sent again after an attempt
/// whose outcome is unknown (the call ends with client_errc::outcome_unknown).
enum class single_use : std::uint8_t {
    nothing,
    code,           ///< An OAuth authorization code.
    refresh_token,  ///< A rotating refresh token: revoked once used.
    legacy_token,   ///< A long-lived token exchanged for a rotating pair (oauth.v2.exchange).
    bearer_token,   ///< The call's own token, revoked by the call (auth.revoke, apps.uninstall).
};

/// "code", "refresh token", ...: for messages.
constexpr std::string_view to_string(single_use s) noexcept
{
    switch (s) {
    case single_use::nothing: return "nothing";
    case single_use::code: return "code";
    case single_use::refresh_token: return "refresh token";
    case single_use::legacy_token: return "legacy token";
    case single_use::bearer_token: return "token";
    }
    return "credential";
}

/// The credential a call spends, and the error Slack gives when it was spent already.
struct spend_rule {
    single_use credential = single_use::nothing;  ///< The credential, or single_use::nothing.
    /// What Slack answers when it was spent already. Descriptive: the client never re-sends a
    /// credential an attempt may have spent, so no answer of a call of its own means this.
    api_errc already_spent{};
};

}  // namespace slack::web
