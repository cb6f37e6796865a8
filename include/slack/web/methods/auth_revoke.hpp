// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// auth.revoke: revokes the token it is called with. Run it with slack::web::auth::revoke.
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>

#include <optional>
#include <string_view>
#include <type_traits>

namespace slack::web {

/// Parameters of auth.revoke.
struct revoke_params {
    std::string_view token{};  ///< The token to revoke, sent as `Authorization: Bearer`.
    bool test = false;         ///< Only check that it could be revoked (`revoked` is then false).
    /// Whose rate limit this call counts against: a workspace's id (team or enterprise), or any
    /// name of yours for it. Empty: a fingerprint of the token (never the token itself).
    std::string_view rate_key{};
};
static_assert(std::is_trivially_destructible_v<revoke_params>);

/// An auth.revoke answer.
class revoke_response : public detail::response_fields_of<1> {
public:
    /// Whether the token was revoked (false in test mode); nullopt when Slack did not say.
    std::optional<bool> revoked() const noexcept;
};

/// Revoking spends the token: after an attempt whose answer was lost, it is not sent again (the
/// call ends with client_errc::outcome_unknown).
struct auth_revoke {
    using params = revoke_params;                                   ///< What the call takes.
    using response = revoke_response;                               ///< What a success gives.
    static constexpr std::string_view name = "auth.revoke";         ///< The method's name in the URL.
    static constexpr auth_kind auth = auth_kind::bearer_token;      ///< A bearer token.
    static constexpr body_encoding encoding = body_encoding::form;  ///< A form body.
    static constexpr bool idempotent = false;  ///< Not retried after an attempt whose outcome is unknown.
    /// The single-use credential the call spends (if any), and Slack's error once it is spent.
    static constexpr spend_rule spends(const params& p) noexcept
    {
        return p.test ? spend_rule{} : spend_rule{single_use::bearer_token, api_errc::token_revoked};
    }
};

}  // namespace slack::web
