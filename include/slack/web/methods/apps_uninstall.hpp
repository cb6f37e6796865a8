// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// apps.uninstall: removes the app from the workspace of a token; every token of that
/// installation is revoked. Run it with slack::web::apps::uninstall.
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>

#include <optional>
#include <string_view>
#include <type_traits>

namespace slack::web {

/// Parameters of apps.uninstall: a token of the installation, and the app's credentials.
struct uninstall_params {
    std::string_view client_id{};  ///< The app's client id (a form field: the token takes the Authorization header).
    std::string_view client_secret{};  ///< The app's client secret (a form field). Never logged.
    std::string_view token{};          ///< A token of the installation to remove: sent as `Authorization: Bearer`.
    /// Whose rate limit this call counts against: a workspace's id (team or enterprise), or any
    /// name of yours for it. Empty: a fingerprint of the token (never the token itself).
    std::string_view rate_key{};
};
static_assert(std::is_trivially_destructible_v<uninstall_params>);

/// An apps.uninstall answer.
class uninstall_response : public detail::response_fields_of<1> {
public:
    /// Sent by newer versions of the method; nullopt when absent (`ok` alone means done).
    std::optional<bool> uninstalled() const noexcept;
};

/// The token takes the Authorization header, so the app's credentials go as form fields.
struct apps_uninstall {
    using params = uninstall_params;                            ///< What the call takes.
    using response = uninstall_response;                        ///< What a success gives.
    static constexpr std::string_view name = "apps.uninstall";  ///< The method's name in the URL.
    static constexpr auth_kind auth =
        auth_kind::bearer_and_client_fields;  ///< A bearer token, and the app's credentials as form fields.
    static constexpr body_encoding encoding = body_encoding::form;  ///< A form body.
    static constexpr bool idempotent = false;  ///< Not retried after an attempt whose outcome is unknown.
    /// The single-use credential the call spends (if any), and Slack's error once it is spent.
    static constexpr spend_rule spends(const params&) noexcept
    {
        return {single_use::bearer_token, api_errc::token_revoked};
    }
};

}  // namespace slack::web
