// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// oauth.v2.access (Slack apps): the code exchange (with PKCE's code_verifier) and the refresh of
/// a rotating token, their parameters, the answer they share, and their traits.
/// Run them with slack::web::oauth::v2_access / v2_refresh (include <slack/web/oauth.hpp>).
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>
#include <slack/web/methods/oauth_access.hpp>  // incoming_webhook

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace slack::web {

/// Parameters of a code exchange (grant authorization_code). Views, as every method's params:
/// see access_params.
struct v2_access_params {
    std::string_view client_id{};      ///< The app's client id.
    std::string_view client_secret{};  ///< Empty for a PKCE public client (then code_verifier is required).
    std::string_view code{};           ///< The single-use code from the redirect (expires after 10 minutes).
    std::string_view code_verifier{};  ///< PKCE: the verifier whose S256 challenge went on the authorize URL.
    std::string_view redirect_uri{};   ///< The one sent on the authorize URL, if one was; empty: not sent.
};

/// Parameters of a token refresh (grant refresh_token, token rotation).
struct v2_refresh_params {
    std::string_view client_id{};      ///< The app's client id.
    std::string_view client_secret{};  ///< Empty only for a PKCE public client.
    std::string_view refresh_token{};  ///< xoxe-1-...: single use, revoked soon after this call.
    /// Whose rate limit this call counts against: a workspace's id (team or enterprise), or any
    /// name of yours for it. Empty: the app's (its client id).
    std::string_view rate_key{};
};

static_assert(std::is_trivially_destructible_v<v2_access_params> &&
              std::is_trivially_destructible_v<v2_refresh_params>);

/// `team` or `enterprise` of an answer (views into the response).
struct workspace_ref {
    std::string_view id{};    ///< T... (a team) or E... (an enterprise).
    std::string_view name{};  ///< Its name as Slack sends it; may be empty.
};

/// `authed_user` of a code exchange: the installing user, and their token if user scopes were asked.
struct authed_user {
    std::string_view id{};                             ///< U...: the user.
    std::string_view scope{};                          ///< The user scopes granted, comma-separated.
    std::string_view access_token{};                   ///< Empty when no user scope was granted.
    std::string_view token_type{};                     ///< "user"
    std::string_view refresh_token{};                  ///< With token rotation.
    std::optional<std::chrono::seconds> expires_in{};  ///< The user token's lifetime, with token rotation.
    std::optional<std::chrono::system_clock::time_point> expires_at{};  ///< received_at() + expires_in.
};

/// An oauth.v2.access (or oauth.v2.user.access, oauth.v2.exchange) answer, in each of its shapes:
/// a bot install (top-level bot token, `authed_user` with an optional user token), Sign in with
/// Slack (no top-level token: it is in `authed_user`), a refresh of a bot token (the same as an
/// install), and a refresh of a user token, which is flat (top-level `access_token`,
/// `token_type` "user", `user_id`). Fields not sent, or null, are empty / nullopt.
class v2_access_response : public detail::response_fields_of<28> {
public:
    std::string_view access_token() const noexcept;   ///< xoxb-, xoxp-, or xoxe.xoxb- / xoxe.xoxp- when rotating.
    std::string_view token_type() const noexcept;     ///< "bot" or "user".
    std::string_view scope() const noexcept;          ///< As sent: comma-separated.
    std::vector<std::string_view> scopes() const;     ///< `scope` split at commas.
    std::string_view refresh_token() const noexcept;  ///< xoxe-1-...: with token rotation.
    std::optional<std::chrono::seconds> expires_in()
        const noexcept;  ///< The access token's lifetime, with token rotation.
    /// received_at() + expires_in: when to refresh.
    std::optional<std::chrono::system_clock::time_point> expires_at() const noexcept;
    std::string_view bot_user_id() const noexcept;  ///< U...: the bot's user, for a bot token.
    std::string_view user_id() const noexcept;      ///< A user token's user (flat user refresh, oauth.v2.user.access).
    std::string_view app_id() const noexcept;       ///< A...: the app installed.
    std::optional<workspace_ref> team() const noexcept;        ///< nullopt when null (an org-wide install) or absent.
    std::optional<workspace_ref> enterprise() const noexcept;  ///< nullopt when null or absent.
    bool is_enterprise_install() const noexcept;               ///< false when absent.
    std::optional<authed_user> user() const noexcept;          ///< `authed_user`.
    std::optional<incoming_webhook> webhook() const noexcept;  ///< `incoming_webhook`.
    std::string_view id_token() const noexcept;                ///< OpenID id_token (oauth.v2.user.access with openid).
};

/// The traits every grant of the OAuth v2 family shares (oauth.v2.access, oauth.v2.user.access,
/// openid.connect.token): the app's credentials, a form body, not idempotent.
template <class Params, class Response>
struct grant_traits {
    using params = Params;                                            ///< What the call takes.
    using response = Response;                                        ///< What a success gives.
    static constexpr auth_kind auth = auth_kind::client_credentials;  ///< The app's id and secret.
    static constexpr body_encoding encoding = body_encoding::form;    ///< A form body.
    static constexpr bool idempotent = false;  ///< Never re-sent after an attempt whose outcome is unknown.
};

/// Grant authorization_code: spends the code (a spent one answers `invalid_code`); with PKCE's
/// verifier the client may be public (no secret).
template <class Response>
struct code_grant : grant_traits<v2_access_params, Response> {
    /// The code, spent once: `invalid_code` after an attempt whose outcome was unknown means it
    /// was most likely spent then.
    static constexpr spend_rule spends(const v2_access_params&) noexcept
    {
        return {single_use::code, api_errc::invalid_code};
    }
    /// With a PKCE verifier the call may go without a client secret.
    static constexpr bool public_client(const v2_access_params& p) noexcept { return !p.code_verifier.empty(); }
};

/// Grant refresh_token: spends the refresh token, revoked after a short grace period (a spent
/// one answers `invalid_refresh_token`). A PKCE public client refreshes without a secret.
template <class Response>
struct refresh_grant : grant_traits<v2_refresh_params, Response> {
    /// The refresh token, spent once: `invalid_refresh_token` after an attempt whose outcome was
    /// unknown means it was most likely spent then.
    static constexpr spend_rule spends(const v2_refresh_params&) noexcept
    {
        return {single_use::refresh_token, api_errc::invalid_refresh_token};
    }
    /// A refresh may go without a client secret (a PKCE public client's).
    static constexpr bool public_client(const v2_refresh_params&) noexcept { return true; }
};

/// oauth.v2.access, grant authorization_code: a single-use code (and, with PKCE, its verifier)
/// for the tokens of an install.
struct oauth_v2_access : code_grant<v2_access_response> {
    static constexpr std::string_view name = "oauth.v2.access";  ///< The method's name in the URL.
};

/// oauth.v2.access, grant refresh_token: a new access token and a new refresh token.
struct oauth_v2_refresh : refresh_grant<v2_access_response> {
    static constexpr std::string_view name = "oauth.v2.access";  ///< The method's name in the URL.
};

}  // namespace slack::web
