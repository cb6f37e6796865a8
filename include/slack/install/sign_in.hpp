// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Sign in with Slack (OpenID Connect), both ends: where to send the user (the OpenID authorize
/// URL with a signed state, and a nonce and a PKCE challenge derived from the state's cookie), and
/// the callback that checks the redirect, exchanges the code with openid.connect.token and checks
/// the id_token (id_token.hpp: issuer, audience, expiry, nonce; its signature is not verified,
/// since it comes straight from Slack's token endpoint over verified TLS).
///
///     slack::install::sign_in sign_ins(client, store, signer, {.client_id = id, .client_secret = secret,
///                                      .redirect_uri = callback_url});
///     auto start = sign_ins.begin();            // redirect to start.location, send start.set_cookie
///     auto user = co_await sign_ins.complete({.query = query, .cookie_header = cookies});
///     // user: result<signed_in_user>; user->claims.user_id, user->claims.email
///
/// A sign-in saves nothing: it tells who the user is, it does not install the app. The store is
/// used for installation_store::consume_nonce only (the state's single use across replicas);
/// saving the user's token as an installation would replace the team's row, and with it the
/// bot's grant. Keep the user's tokens where your app keeps its sessions, if it needs them.
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/install/callback.hpp>
#include <slack/install/id_token.hpp>
#include <slack/install/state.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace slack::install {

/// What a sign_in needs: the app's credentials, the OpenID scopes, where Slack sends the user back.
struct sign_in_options {
    std::string client_id{};                           ///< The app's client id.
    std::string client_secret{};                       ///< Wiped when the sign_in is destroyed.
    std::string scope = "openid,email,profile";        ///< OpenID scopes, comma-separated.
    std::string redirect_uri{};                        ///< Sent on the authorize URL and again to openid.connect.token.
    bool pkce = true;                                  ///< Send an S256 challenge (derived from the state's cookie).
    std::string authorize_base = "https://slack.com";  ///< https://slack-gov.com for GovSlack; the mock's URL in tests.
    std::string issuer = std::string(slack_issuer);    ///< The id_token's `iss`: https://slack-gov.com for GovSlack.
};

/// Who signed in: the id_token's claims, and the user token openid.connect.token gave.
struct signed_in_user {
    id_token_claims claims{};                                           ///< The id_token's claims, checked.
    std::string access_token{};                                         ///< A user token, for openid.connect.userInfo.
    std::string refresh_token{};                                        ///< With token rotation; empty otherwise.
    std::optional<std::chrono::system_clock::time_point> expires_at{};  ///< When access_token expires (rotation).
};

/// The completion signature of sign_in::complete.
using sign_in_signature = void(boost::system::result<signed_in_user>);

namespace detail {
class sign_in_impl;
}  // namespace detail

/// Runs "Sign in with Slack" (OpenID Connect): begin() makes the authorize URL and the state
/// cookie, complete() checks the redirect, exchanges the code with openid.connect.token and
/// checks the id_token. Stateless between the two, like installer.
class sign_in {
public:
    /// `client`, `store` and `signer` must outlive the sign_in and its operations (complete()).
    sign_in(web::client& client, store::installation_store& store, const state_signer& signer, sign_in_options options);
    sign_in(sign_in&&) noexcept;             ///< Operations already started keep running.
    sign_in& operator=(sign_in&&) noexcept;  ///< Operations already started keep running.
    ~sign_in();

    /// A new sign-in attempt; `team` preselects a workspace. The URL's `nonce` is the attempt's (issued_state::nonce).
    install_start begin(std::string_view team = {}) const;

    /// Completes an attempt from its redirect, in this order, as installer::complete: the state
    /// (install_errc::state_*), its single use in the store (state_replayed), the redirect's own
    /// error (access_denied, authorize_failed); then the code is exchanged (openid.connect.token
    /// with the PKCE verifier) and the id_token checked against the client_id, the issuer and
    /// the attempt's nonce (install_errc::id_token_*). Yields the user; stores nothing. Answer
    /// the browser with state_signer::clearing_cookie() either way.
    /// - Handler: `void(boost::system::result<signed_in_user>)`; the default token is `deferred`.
    /// - Executor: runs on the client's executor; the handler runs on its associated executor,
    ///   else the client's, never inside the initiating call.
    /// - Lifetimes: `callback`'s views are copied when complete() is called; `diag` must stay
    ///   alive until the handler runs. The sign_in may be destroyed meanwhile; the client, the
    ///   store and the signer may not.
    /// - Cancellation: terminal, through the handler's cancellation slot, as installer::complete
    ///   (there is no save): operation_aborted before the exchange, the call's own rules during it.
    /// - Errors: install_errc (state_*, access_denied, authorize_failed, code_missing,
    ///   id_token_*); Slack's and the client's from openid.connect.token (Slack's exact `error`
    ///   string in `diag.error`); the store's; asio::error::operation_aborted.
    /// - `diag`: cleared when the operation starts; says what the exchange's call saw.
    template <boost::asio::completion_token_for<sign_in_signature> CompletionToken = default_completion_token>
    auto complete(install_callback callback, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::initiate_callback<sign_in_signature>(impl_, callback, &diag,
                                                            std::forward<CompletionToken>(token));
    }
    /// complete() without diagnostics.
    template <boost::asio::completion_token_for<sign_in_signature> CompletionToken = default_completion_token>
    auto complete(install_callback callback, CompletionToken&& token = {})
    {
        return detail::initiate_callback<sign_in_signature>(impl_, callback, nullptr,
                                                            std::forward<CompletionToken>(token));
    }

private:
    std::shared_ptr<detail::sign_in_impl> impl_;
};

}  // namespace slack::install
