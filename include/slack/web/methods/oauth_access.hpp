// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// oauth.access (classic apps): its parameters, its response and its traits.
/// Run it with slack::web::oauth::access (include <slack/web/oauth.hpp>).
#include <slack/web/detail/response_storage.hpp>
#include <slack/web/method_traits.hpp>

#include <optional>
#include <string_view>
#include <type_traits>
#include <vector>

namespace slack::web {

/// Parameters of oauth.access (classic apps). Use designated initialisers:
///   co_await oauth.access({.client_id = id, .client_secret = secret, .code = code});
/// The members are views: the strings they view must stay alive until the call is initiated,
/// which copies what it sends. With `co_await`, a callback or use_future that is the call
/// expression itself; with `deferred`, until the deferred operation is started.
/// Why views: a braced temporary whose destructor is not trivial, living across a suspension
/// point inside a `co_await` expression, is miscompiled by g++ 12 at -O2 (it frees a copy that
/// was never allocated). A trivially destructible aggregate is immune. Every method's params follow this rule.
struct access_params {
    std::string_view client_id{};      ///< Issued with your app. Sent per client_options::credentials.
    std::string_view client_secret{};  ///< Issued with your app. Never logged.
    std::string_view code{};           ///< The single-use code from the OAuth callback (expires after 10 minutes).
    std::string_view
        redirect_uri{};  ///< Must equal the one in the authorization request, if one was sent; empty: not sent.
    bool single_channel = false;  ///< Legacy: workspace apps only (retired 2021). Sent only when true.
};

static_assert(std::is_trivially_destructible_v<access_params>, "see the comment above access_params");

/// `incoming_webhook` of an answer (views into the response).
struct incoming_webhook {
    std::string_view url{};                ///< Where to POST messages (a secret: it needs no token).
    std::string_view channel{};            ///< The channel's name.
    std::string_view channel_id{};         ///< C...: the channel.
    std::string_view configuration_url{};  ///< The webhook's settings page.
};

/// `bot` of an oauth.access answer (views into the access_response).
struct bot_credentials {
    std::string_view bot_user_id{};       ///< U...: the bot's user.
    std::string_view bot_access_token{};  ///< xoxb-: the bot's token.
};

/// A successful oauth.access answer. Like every response, it owns its text: the views it hands
/// out stay valid as long as it lives and is not assigned to (a move keeps them valid; a copy
/// hands out its own). Copy a field into a std::string to keep it longer. Fields Slack did not
/// send (or sent as null) are empty / nullopt; `body()` is the whole answer, fields added by
/// Slack later included.
class access_response : public detail::response_fields_of<14> {
public:
    std::string_view access_token() const noexcept;  ///< The user token (xoxp-).
    std::string_view scope() const noexcept;         ///< As sent: comma-separated.
    std::vector<std::string_view> scopes() const;    ///< `scope` split at commas.
    std::string_view team_name() const noexcept;     ///< The workspace's name.
    std::string_view team_id() const noexcept;       ///< T...: the workspace.
    std::string_view user_id() const noexcept;       ///< U...: the installing user.
    /// nullopt when null or absent.
    std::optional<std::string_view> enterprise_id() const noexcept;
    /// `incoming_webhook`; nullopt when null or absent.
    std::optional<incoming_webhook> webhook() const noexcept;
    std::optional<bot_credentials> bot() const noexcept;  ///< `bot`; nullopt when null or absent.
};

/// oauth.access: exchanges a single-use code for a user token (classic apps; none can be
/// created since 2024-06, existing ones keep working).
struct oauth_access {
    using params = access_params;                                     ///< What the call takes.
    using response = access_response;                                 ///< What a success gives.
    static constexpr std::string_view name = "oauth.access";          ///< The method's name in the URL.
    static constexpr auth_kind auth = auth_kind::client_credentials;  ///< The app's client id and secret.
    static constexpr body_encoding encoding = body_encoding::form;    ///< A form body.
    static constexpr bool idempotent = false;  ///< Not retried after an attempt whose outcome is unknown.
    /// The single-use credential the call spends (if any), and Slack's error once it is spent.
    static constexpr spend_rule spends(const params&) noexcept
    {
        return {single_use::code, api_errc::code_already_used};
    }
};

}  // namespace slack::web
