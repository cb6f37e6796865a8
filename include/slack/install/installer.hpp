// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The install flow of one Slack app, both ends: where to send the user (the authorize URL with a
/// signed state, its cookie, and a PKCE challenge derived from the cookie), and the callback that
/// checks the redirect, exchanges the code with oauth.v2.access and saves the installation.
///
///     slack::install::installer installs(client, store, signer, {.client_id = id, .client_secret = secret,
///                                        .scope = "chat:write", .redirect_uri = callback_url});
///     auto start = installs.begin();            // redirect to start.location, send start.set_cookie
///     auto done = co_await installs.complete({.query = query, .cookie_header = cookies});
///     // done: result<store::installation>
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/install/callback.hpp>
#include <slack/install/state.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace slack::install {

/// What an installer needs: the app's credentials, the scopes to ask, where Slack sends the user back.
struct installer_options {
    std::string client_id{};      ///< The app's client id.
    std::string client_secret{};  ///< Wiped when the installer is destroyed.
    std::string scope{};          ///< Bot scopes, comma-separated.
    std::string user_scope{};     ///< User scopes, comma-separated.
    std::string redirect_uri{};   ///< Sent on the authorize URL and again to oauth.v2.access.
    bool pkce = true;             ///< Send an S256 challenge (derived from the state's cookie: nothing to store).
    std::string authorize_base = "https://slack.com";  ///< https://slack-gov.com for GovSlack; the mock's URL in tests.
};

/// The completion signature of installer::complete.
using install_signature = void(boost::system::result<store::installation>);

namespace detail {
class installer_impl;
}  // namespace detail

/// Runs "Add to Slack" installs with oauth.v2.access: begin() makes the authorize URL and the
/// state cookie, complete() checks the redirect, exchanges the code and saves the installation
/// in the store. Stateless between the two (the state and its cookie carry the attempt), so any
/// replica sharing the store and the state secret can complete what another began.
class installer {
public:
    /// `client`, `store` and `signer` must outlive the installer and its operations (complete()).
    installer(web::client& client, store::installation_store& store, const state_signer& signer,
              installer_options options);
    installer(installer&&) noexcept;             ///< Operations already started keep running.
    installer& operator=(installer&&) noexcept;  ///< Operations already started keep running.
    ~installer();

    /// A new install attempt; `team` preselects a workspace.
    install_start begin(std::string_view team = {}) const;

    /// Completes an attempt from its redirect, in this order: the state is verified (missing,
    /// malformed, forged, expired, other browser: install_errc::state_*), then spent in the store
    /// (used before, by any replica sharing the store: state_replayed), then the redirect's own
    /// error (install_errc::access_denied when the user declined, authorize_failed), then the
    /// code is exchanged (oauth.v2.access with the PKCE verifier) and the installation saved.
    /// Yields the saved installation. Answer the browser with state_signer::clearing_cookie()
    /// either way.
    /// - Handler: `void(boost::system::result<store::installation>)`; the default token is
    ///   `deferred`, so `co_await installs.complete({...})` yields the result. Never throws for
    ///   a refusal or an error.
    /// - Executor: runs on the client's executor; the handler runs on its associated executor,
    ///   else the client's, never inside the initiating call.
    /// - Lifetimes: `callback`'s views are copied when complete() is called. `diag` must stay
    ///   alive until the handler runs. The installer may be destroyed meanwhile (the operation
    ///   keeps what it shares with it); the client, the store and the signer may not.
    /// - Cancellation: terminal, through the handler's cancellation slot. Checked before and
    ///   after the store spends the state and before the exchange (operation_aborted; after the
    ///   state is spent, it stays spent), and passed to the store's operation and to the call
    ///   (before a byte is written: operation_aborted, the code unspent; after: outcome_unknown,
    ///   `diag.underlying` operation_aborted). Once the exchange has succeeded the save is not
    ///   cancelled: the tokens Slack issued for the spent code would be lost; it is bounded by
    ///   the store's own timeouts.
    /// - Errors: install_errc (state_*, access_denied, authorize_failed, code_missing); Slack's
    ///   and the client's from oauth.v2.access (api_errc, client_errc, Asio/SSL codes; Slack's
    ///   exact `error` string, also one slack::api_errc does not know, in `diag.error`); the
    ///   store's (store_errc); asio::error::operation_aborted.
    /// - `diag`: cleared when the operation starts; says what the exchange's call saw (Slack's
    ///   words, HTTP status, attempts), as web::oauth's methods do.
    template <boost::asio::completion_token_for<install_signature> CompletionToken = default_completion_token>
    auto complete(install_callback callback, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return detail::initiate_callback<install_signature>(impl_, callback, &diag,
                                                            std::forward<CompletionToken>(token));
    }
    /// complete() without diagnostics.
    template <boost::asio::completion_token_for<install_signature> CompletionToken = default_completion_token>
    auto complete(install_callback callback, CompletionToken&& token = {})
    {
        return detail::initiate_callback<install_signature>(impl_, callback, nullptr,
                                                            std::forward<CompletionToken>(token));
    }

private:
    std::shared_ptr<detail::installer_impl> impl_;
};

}  // namespace slack::install
