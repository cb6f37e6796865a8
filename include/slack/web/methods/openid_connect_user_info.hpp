// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// openid.connect.userInfo: who signed in, from the user token of openid.connect.token.
/// Run it with slack::web::openid::user_info.
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>

#include <chrono>
#include <optional>
#include <string_view>
#include <type_traits>

namespace slack::web {

/// A bearer token alone (auth.test, openid.connect.userInfo).
struct token_params {
    std::string_view token{};  ///< Sent as `Authorization: Bearer`, never as a field.
    /// Whose rate limit this call counts against: a workspace's id (team or enterprise), or any
    /// name of yours for it. Empty: a fingerprint of the token (never the token itself).
    std::string_view rate_key{};
};
static_assert(std::is_trivially_destructible_v<token_params>);

/// An openid.connect.userInfo answer: the OpenID claims, Slack's under https://slack.com/ keys.
class user_info_response : public detail::response_fields_of<31> {
public:
    std::string_view sub() const noexcept;                ///< The user's ID, as OpenID's subject.
    std::string_view user_id() const noexcept;            ///< https://slack.com/user_id
    std::string_view team_id() const noexcept;            ///< https://slack.com/team_id
    std::string_view enterprise_id() const noexcept;      ///< https://slack.com/enterprise_id
    std::string_view email() const noexcept;              ///< The user's email address.
    std::optional<bool> email_verified() const noexcept;  ///< Whether Slack verified the email; nullopt when absent.
    /// When the email was verified: sent in seconds since 1970, sometimes in milliseconds (a
    /// value of 10^11 or more is read as such). nullopt when absent, negative, or beyond what
    /// system_clock holds (2262).
    std::optional<std::chrono::system_clock::time_point> date_email_verified() const noexcept;
    std::string_view name() const noexcept;               ///< The user's full name.
    std::string_view given_name() const noexcept;         ///< The user's first name.
    std::string_view family_name() const noexcept;        ///< The user's last name.
    std::string_view picture() const noexcept;            ///< The URL of the user's picture.
    std::string_view locale() const noexcept;             ///< The user's locale, e.g. "en-US".
    std::string_view team_name() const noexcept;          ///< https://slack.com/team_name
    std::string_view team_domain() const noexcept;        ///< https://slack.com/team_domain
    std::string_view enterprise_name() const noexcept;    ///< https://slack.com/enterprise_name
    std::string_view enterprise_domain() const noexcept;  ///< https://slack.com/enterprise_domain
    /// https://slack.com/user_image_PX for PX in 24, 32, 48, 72, 192, 512, 1024; empty otherwise.
    std::string_view user_image(unsigned px) const noexcept;
    /// https://slack.com/team_image_PX for PX in 34, 44, 68, 88, 102, 132, 230; empty otherwise.
    std::string_view team_image(unsigned px) const noexcept;
    std::optional<bool> team_image_default()
        const noexcept;  ///< https://slack.com/team_image_default: whether the team has the default image.
};

/// openid.connect.userInfo: the claims of the user whose token (from openid.connect.token) it takes.
struct openid_connect_user_info {
    using params = token_params;                                         ///< What the call takes.
    using response = user_info_response;                                 ///< What a success gives.
    static constexpr std::string_view name = "openid.connect.userInfo";  ///< The method's name in the URL.
    static constexpr auth_kind auth = auth_kind::bearer_token;           ///< A bearer token.
    static constexpr body_encoding encoding = body_encoding::form;       ///< A form body.
    static constexpr bool idempotent = true;  ///< May be retried after an attempt whose outcome is unknown.
    /// The single-use credential the call spends (if any), and Slack's error once it is spent.
    static constexpr spend_rule spends(const params&) noexcept { return {}; }
};

}  // namespace slack::web
