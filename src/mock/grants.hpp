// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The two grants that oauth.v2.access, oauth.v2.user.access and openid.connect.token share:
// authorization_code (a code minted for the method, redirect URI, PKCE, single use) and
// refresh_token (rotation on, a known refresh token within its grace period). Without a client
// secret (a PKCE public client) both require PKCE: a code bound to a challenge, or a refresh
// token of an installation made that way.
#include "mock/answers.hpp"

#include <functional>
#include <memory>
#include <optional>

namespace slack::mock::detail {

/// Mints `owner`'s tokens and shapes the answer for a code that passed every check (a magic
/// code: as if minted with code_options{}).
using code_answer =
    std::function<boost::json::object(const code_state& code, const std::shared_ptr<installation>& owner)>;
/// Shapes the answer for a refresh that minted `grant` for `owner`.
using refresh_answer = std::function<boost::json::object(const installation& owner, const granted& grant)>;

/// The minted, unspent code `call.credential` names, for `call.method` and its redirect URI;
/// else Slack's refusal (`spent_error` for a code exchanged before).
struct code_lookup {
    code_state* code = nullptr;
    std::optional<outgoing_reply> refused;
};
code_lookup find_unspent_code(mock_state& state, const method_call& call, std::string_view spent_error);

outgoing_reply code_grant(mock_state& state, method_call& call, std::string_view reusable_example,
                          const code_answer& answer);

/// Accepts refresh tokens minted with `origin` (and of `kind` only, if given); from a public
/// client (no secret), only those of an installation made through PKCE.
outgoing_reply refresh_grant(mock_state& state, method_call& call, std::string_view reusable_example,
                             token_origin origin, std::optional<token_kind> kind, const refresh_answer& answer);

/// `grant_type`: authorization_code (the default) or refresh_token; any other answers invalid_grant_type.
enum class grant { code, refresh, unknown };
grant grant_of(const method_call& call);

}  // namespace slack::mock::detail
