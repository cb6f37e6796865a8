// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Acting on the Events API's lifecycle events: a signed request in, the installation store
/// updated, and what to answer Slack out.
///
///   slack::install::lifecycle_events events(executor, store, signing_secret);
///   auto outcome = co_await events.handle({.timestamp = ts, .signature = sig, .body = body});
///   // outcome: 200 with outcome->response_body (text/plain); an error: see docs/oauth-flow.md
#include <slack/config.hpp>
#include <slack/install/events.hpp>
#include <slack/install/install_errc.hpp>
#include <slack/install/request_signature.hpp>
#include <slack/store/installation_store.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace slack::install {

/// One request to the app's Events API Request URL. Views, copied when handle() is called.
struct lifecycle_request {
    std::string_view timestamp{};  ///< The X-Slack-Request-Timestamp header.
    std::string_view signature{};  ///< The X-Slack-Signature header.
    std::string_view body{};       ///< The raw body, exactly as received.
};
static_assert(std::is_trivially_destructible_v<lifecycle_request>);  // a braced temporary in co_await is safe

/// What a request did, and what to answer.
struct lifecycle_outcome {
    lifecycle_event event{};  ///< What Slack sent.
    std::string
        response_body{};  ///< Answer HTTP 200 with this text/plain body: the challenge for url_verification, else empty.
    std::size_t removed = 0;  ///< Rows the store deleted (installations and user grants).
};

/// What handle() yields.
using lifecycle_result = boost::system::result<lifecycle_outcome>;
/// The completion signature of lifecycle_events::handle.
using lifecycle_signature = void(lifecycle_result);

/// Handles the Events API requests that end what an app may keep (app_uninstalled,
/// tokens_revoked) and Slack's URL check: verifies the signature, spends it once through the
/// store, and removes what the event revokes. Non-copyable: its operations use it.
class lifecycle_events {
public:
    /// `signing_secret`: the app's signing secret (not its client secret). Throws
    /// std::invalid_argument when it is empty. `window`: how far a request's timestamp may be
    /// from now. The store must outlive this object, and this object its operations.
    lifecycle_events(boost::asio::any_io_executor executor, store::installation_store& store,
                     std::string signing_secret, std::chrono::seconds window = default_signature_window);
    lifecycle_events(const lifecycle_events&) = delete;
    lifecycle_events& operator=(const lifecycle_events&) = delete;
    ~lifecycle_events();  ///< Wipes the signing secret.

    /// Handles one request, in this order: its signature (verify_request_signature; a forged or
    /// stale request changes nothing); its body (parse_event); single use, by
    /// store.consume_nonce("event:" + signature hex, timestamp + window + 61 s: past the last
    /// second the window accepts it, and a minute of clock skew) (a replay changes nothing); then app_uninstalled: store.remove_all of the team, or of the whole enterprise
    /// for an org-wide install; tokens_revoked: store.remove of each user's grant, and for any
    /// bot id the installation itself (a revoked bot token leaves nothing worth keeping; its user
    /// grants go with it). url_verification and other events change nothing.
    /// - Handler: `void(lifecycle_result)`.
    /// - Executor: runs on the executor given to the constructor; the handler runs on its
    ///   associated executor, else that one.
    /// - Cancellation: terminal, checked before each store step (operation_aborted); the store's
    ///   operations see it too. It reaches the operation through the executor, so steps taken
    ///   before it arrives (the signature spent, say) stay taken.
    /// - Errors: slack::install_errc (signature_missing, signature_stale, signature_mismatch,
    ///   event_malformed, event_replayed); slack::store_errc from the store (an event whose nonce
    ///   was consumed before a removal failed is not replayed by Slack's retry: a retry is signed anew).
    template <boost::asio::completion_token_for<lifecycle_signature> CompletionToken = default_completion_token>
    auto handle(lifecycle_request request, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, lifecycle_signature>(
            [this](auto handler, std::string timestamp, std::string signature, std::string body) {
                start(std::move(timestamp), std::move(signature), std::move(body),
                      boost::asio::any_completion_handler<lifecycle_signature>(std::move(handler)));
            },
            token, std::string(request.timestamp), std::string(request.signature), std::string(request.body));
    }

private:
    void start(std::string timestamp, std::string signature, std::string body,
               boost::asio::any_completion_handler<lifecycle_signature> handler);

    boost::asio::any_io_executor executor_;
    store::installation_store& store_;
    std::string signing_secret_;
    std::chrono::seconds window_;
};

}  // namespace slack::install
