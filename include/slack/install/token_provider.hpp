// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Valid tokens for later calls: the token provider reads an installation's grant from a store,
/// keeps it in memory while it is valid, and refreshes a rotating token ahead of its expiry,
/// once per grant, however many callers ask at the same time and by whichever key (an org-wide
/// install asked for by each of its workspaces is one grant), in this process or in every process
/// that shares the store's database.
///
///     slack::install::token_provider tokens(client, store, {.client_id = id, .client_secret = secret});
///     auto token = co_await tokens.token({.team_id = "T1"});  // result<std::string>
///
/// How one refresh happens across replicas (docs/oauth-flow.md has the whole rule):
/// - the provider that finds the grant near expiry takes the grant's refresh lease in the store,
///   under a name of that refresh's own; others poll: they re-read the row and try the lease every
///   `lease_poll`;
/// - holding it, it re-reads the row (another replica may have refreshed already), calls
///   oauth.v2.access with the stored refresh token, renewing the lease while it waits, and writes
///   the new pair with a compare-and-swap on the revision it read, then gives the lease back;
/// - a pair Slack issued is never dropped: if the write fails, the token goes to the callers at
///   once and the write is retried in the background (still holding the lease) until it is stored
///   or a newer pair is;
/// - a refresh whose answer was lost is sent once more at once (Slack honours a used refresh
///   token for a short grace); if that fails too, the grant is marked in the store as needing a
///   reinstall, and every token() for it then fails with store_errc::reinstall_required.
/// A provider killed while holding the lease blocks the others for at most `lease_duration`.
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/install/token_event.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace slack::install {

/// What a token_provider needs: the app's credentials, and when and how to refresh.
struct token_provider_options {
    std::string client_id{};      ///< The app's, for oauth.v2.access refreshes.
    std::string client_secret{};  ///< The app's; wiped when the provider is destroyed.
    /// Refresh when less than this is left (Slack's SDKs use 2 hours; tokens live 12).
    std::chrono::seconds refresh_margin{std::chrono::hours(2)};
    /// How long a refresh may hold the lease: longer than the client's whole-call timeout.
    std::chrono::milliseconds lease_duration{std::chrono::seconds(60)};
    /// How often a provider waiting for another's refresh re-reads the store.
    std::chrono::milliseconds lease_poll{std::chrono::milliseconds(200)};
    /// How long a caller waits for another process's refresh before store_errc::refresh_busy.
    std::chrono::milliseconds wait_limit{std::chrono::seconds(90)};
    /// The longest one token() waits, store and refresh included: then client_errc::timeout
    /// (the work goes on for the other callers).
    std::chrono::milliseconds timeout{std::chrono::minutes(2)};
    /// Grants (and keys asked) kept in memory; past it the least recently used are forgotten.
    std::size_t max_cached_grants = 100000;
    /// Observability hook, called on the client's executor. It must not throw: an exception from
    /// it is dropped, so that no hook can stop a pair being written.
    std::function<void(const token_event&)> on_event{};
};

/// What a provider did, for tests and monitoring.
struct token_provider_stats {
    std::size_t served_from_memory = 0;  ///< Answers with no store round trip.
    std::size_t store_reads = 0;         ///< Rows read (finds).
    std::size_t refreshes = 0;           ///< oauth.v2.access refresh requests sent by this provider.
    std::size_t lease_waits = 0;         ///< Polls while another process held the lease.
    std::size_t lost_swaps = 0;          ///< Compare-and-swaps that found a newer pair already stored.
    std::size_t resends = 0;             ///< Refreshes sent again after their answer was lost.
    std::size_t write_retries = 0;       ///< Writes of a new pair retried after the store failed.
    std::size_t pending_writes =
        0;  ///< New pairs handed out but not yet written (retrying now); 0: the store is no longer used for them.
    std::size_t marked_for_reinstall = 0;  ///< Grants this provider marked as needing a reinstall.
    std::size_t cached_grants =
        0;  ///< Grants held in memory now (at most max_cached_grants, but for those refreshing).
};

/// The completion signature of token_provider::token: the token, or an error.
using token_signature = void(boost::system::result<std::string>);

namespace detail {
class token_provider_impl;
using token_handler = boost::asio::any_completion_handler<token_signature>;
void start_token(const std::shared_ptr<token_provider_impl>& impl, store::installation_key key, store::grant_kind kind,
                 slack::diagnostics* diag, token_handler handler);
}  // namespace detail

/// Hands out valid tokens of stored installations, refreshing rotating tokens before they
/// expire, once per grant across every caller and every process sharing the store (see the top of
/// this header). Several token() calls may run at once.
class token_provider {
public:
    /// `client` and `store` must outlive the provider and everything it started, pending writes
    /// included (stats().pending_writes): a provider destroyed while a token() runs is safe, the
    /// operation keeps what it uses alive.
    token_provider(web::client& client, store::installation_store& store, token_provider_options options);
    token_provider(token_provider&&) noexcept;             ///< Operations already started keep running.
    token_provider& operator=(token_provider&&) noexcept;  ///< Operations already started keep running.
    ~token_provider();

    /// A valid token of the installation under `key`: the bot's (kind bot; key.user_id is then
    /// ignored), or the user's named by key.user_id (kind user). Answers from memory while the
    /// cached token is valid for more than refresh_margin; else reads the store and refreshes if
    /// needed. Callers asking for one grant while it is being fetched or refreshed share that work
    /// and its result, whichever key they asked by.
    /// Completion: `void(result<std::string>)`, on the handler's executor (else the client's).
    /// Cancellation: terminal; the caller leaves at once with operation_aborted, and the work goes
    /// on for the others (a refresh already sent is never abandoned). Deadline: options.timeout,
    /// then client_errc::timeout.
    /// Errors: store_errc::not_found (no installation or no such grant), not_rotating (expired,
    /// and no refresh token), reinstall_required (the refresh token was lost: the grant is marked,
    /// nothing is sent), refresh_busy (another process held the lease past wait_limit), invalid_key
    /// (a user grant asked without user_id), the store's errors, and the refresh's own
    /// (api_errc::invalid_refresh_token...; a refresh whose outcome is unknown even after its one
    /// re-send marks the grant: reinstall_required). A failed refresh reaches every caller waiting
    /// for it; the old token is never handed out in its place.
    /// `key` is a view, copied before this returns: braced ids are safe in co_await, and a temporary
    /// installation_key (which g++ 12 miscompiles there) does not compile. Name it, or pass ids.
    template <boost::asio::completion_token_for<token_signature> CompletionToken = default_completion_token>
    auto token(store::installation_key_view key, store::grant_kind kind = store::grant_kind::bot,
               CompletionToken&& completion = {})
    {
        return initiate(key, kind, nullptr, std::forward<CompletionToken>(completion));
    }
    /// The same, and what Slack said (its error string, also one this library does not know; the
    /// HTTP status; attempts) in `diag`, written before the completion runs. `diag` must outlive
    /// the operation.
    template <boost::asio::completion_token_for<token_signature> CompletionToken = default_completion_token>
    auto token(store::installation_key_view key, store::grant_kind kind, slack::diagnostics& diag,
               CompletionToken&& completion = {})
    {
        return initiate(key, kind, &diag, std::forward<CompletionToken>(completion));
    }

    /// After a call with this grant's token failed with invalid_auth or token_expired: forget the
    /// cached token, so that the next request re-reads the store (another replica may have
    /// rotated it) and refreshes if the stored token is the one that failed.
    void invalidate(store::installation_key_view key, store::grant_kind kind = store::grant_kind::bot);

    token_provider_stats stats() const;  ///< What this provider has done so far, and what it holds.

private:
    template <class CompletionToken>
    auto initiate(store::installation_key_view key, store::grant_kind kind, slack::diagnostics* diag,
                  CompletionToken&& completion)
    {
        return boost::asio::async_initiate<CompletionToken, token_signature>(
            [impl = impl_](auto handler, store::installation_key key, store::grant_kind kind,
                           slack::diagnostics* diag) {
                detail::start_token(impl, std::move(key), kind, diag, detail::token_handler(std::move(handler)));
            },
            completion, store::to_key(key), kind, diag);
    }

    std::shared_ptr<detail::token_provider_impl> impl_;
};

}  // namespace slack::install
