// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// auth.test: is this token valid, and whose is it? Run it with slack::web::auth::test.
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>
#include <slack/web/methods/openid_connect_user_info.hpp>  // token_params

#include <chrono>
#include <optional>
#include <string_view>

namespace slack::web {

/// An auth.test answer.
class auth_test_response : public detail::response_fields_of<11> {
public:
    std::string_view url() const noexcept;       ///< The workspace's URL.
    std::string_view team() const noexcept;      ///< The workspace's name.
    std::string_view user() const noexcept;      ///< The user's name (null for some tokens: empty).
    std::string_view team_id() const noexcept;   ///< T...: the workspace.
    std::string_view user_id() const noexcept;   ///< U...: the token's user (the bot user for a bot token).
    std::string_view bot_id() const noexcept;    ///< For bot tokens.
    std::string_view app_id() const noexcept;    ///< A...: the app (bot tokens).
    std::string_view app_name() const noexcept;  ///< The app's name (bot tokens).
    std::optional<std::string_view> enterprise_id() const noexcept;  ///< E...; nullopt when null or absent.
    bool is_enterprise_install() const noexcept;                     ///< false when absent.
    /// Seconds the token has left (rotating tokens); nullopt for tokens that do not expire.
    std::optional<std::chrono::seconds> expires_in() const noexcept;
    std::optional<std::chrono::system_clock::time_point> expires_at() const noexcept;  ///< received_at() + expires_in.
};

/// Checks a token: `invalid_auth`, `token_expired`, `token_revoked`, `not_authed` otherwise.
struct auth_test {
    using params = token_params;                                    ///< What the call takes.
    using response = auth_test_response;                            ///< What a success gives.
    static constexpr std::string_view name = "auth.test";           ///< The method's name in the URL.
    static constexpr auth_kind auth = auth_kind::bearer_token;      ///< A bearer token.
    static constexpr body_encoding encoding = body_encoding::form;  ///< A form body.
    static constexpr bool idempotent = true;  ///< May be retried after an attempt whose outcome is unknown.
    /// The single-use credential the call spends (if any), and Slack's error once it is spent.
    static constexpr spend_rule spends(const params&) noexcept { return {}; }
};

}  // namespace slack::web
