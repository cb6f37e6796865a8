// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// oauth.v2.exchange: turns a long-lived (legacy) token into a rotating pair, once.
/// Run it with slack::web::oauth::v2_exchange. The answer is oauth.v2.access's.
#include <slack/web/method_traits.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>

#include <string_view>
#include <type_traits>

namespace slack::web {

/// Parameters of oauth.v2.exchange: a long-lived token to exchange for a rotating pair.
struct v2_exchange_params {
    std::string_view client_id{};  ///< The app's client id (a form field: the token takes the Authorization header).
    std::string_view client_secret{};  ///< The app's client secret (a form field). Never logged.
    std::string_view token{};          ///< The long-lived xoxb-/xoxp- token to exchange: sent as a Bearer header.
    /// Whose rate limit this call counts against: a workspace's id (team or enterprise), or any
    /// name of yours for it. Empty: a fingerprint of the token (never the token itself).
    std::string_view rate_key{};
};
static_assert(std::is_trivially_destructible_v<v2_exchange_params>);

/// The token goes in the Authorization header, so the app's credentials go as form fields.
/// A token exchanged before answers `token_already_exchanged`.
struct oauth_v2_exchange {
    using params = v2_exchange_params;                             ///< What the call takes.
    using response = v2_access_response;                           ///< What a success gives.
    static constexpr std::string_view name = "oauth.v2.exchange";  ///< The method's name in the URL.
    static constexpr auth_kind auth =
        auth_kind::bearer_and_client_fields;  ///< A bearer token, and the app's credentials as form fields.
    static constexpr body_encoding encoding = body_encoding::form;  ///< A form body.
    static constexpr bool idempotent = false;  ///< Not retried after an attempt whose outcome is unknown.
    /// The single-use credential the call spends (if any), and Slack's error once it is spent.
    static constexpr spend_rule spends(const params&) noexcept
    {
        return {single_use::legacy_token, api_errc::token_already_exchanged};
    }
};

}  // namespace slack::web
