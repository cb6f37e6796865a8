// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// slack::web::client: where calls run (the caller's executor), how they reach Slack
/// (TLS context, pooled keep-alive connections) and the rules they follow (client_options).
#include <slack/config.hpp>
#include <slack/diagnostics.hpp>
#include <slack/web/api_response.hpp>
#include <slack/web/client_options.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>

// Only named here (a client takes it by reference or shared_ptr), so that a user of this header
// does not compile OpenSSL's: slack/web/tls.hpp makes one and includes its definition.
namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace slack::web {

namespace detail {
class client_impl;
struct client_access;
}  // namespace detail

/// The completion signature of client.call().
using call_signature = void(boost::system::result<api_response>);

namespace detail {
using call_handler = boost::asio::any_completion_handler<call_signature>;
/// Compiled in src/web/api_call.cpp: checks and copies what it sends, then runs the call.
void start_api_call(std::shared_ptr<client_impl> client, std::string_view method, const call_params& params,
                    std::string_view token, slack::diagnostics* diag, call_handler handler);

struct initiate_api_call {
    std::shared_ptr<client_impl> client;
    template <class Handler>
    void operator()(Handler&& handler, std::string_view method, call_params params, std::string_view token,
                    slack::diagnostics* diag) const
    {
        start_api_call(client, method, params, token, diag, call_handler(std::forward<Handler>(handler)));
    }
};
}  // namespace detail

/// The same as slack::default_completion_token (include/slack/config.hpp), under its older name.
using default_token = slack::default_completion_token;

/// Counters of the connection pool, for tests and monitoring.
struct pool_stats {
    std::size_t connections_opened = 0;  ///< TCP+TLS connections established.
    std::size_t connections_reused = 0;  ///< Requests sent on a connection that served an earlier one.
    std::size_t sessions_resumed = 0;    ///< New connections whose TLS session was resumed.
    std::size_t stale_discarded = 0;     ///< Idle connections found closed by the server and dropped unused.
    std::size_t idle_expired = 0;        ///< Idle connections dropped for exceeding idle_timeout.
    std::size_t lookups = 0;             ///< Name lookups started (none for an address in api_url).
    std::size_t open = 0;                ///< Connections open now (idle or busy).
    std::size_t idle = 0;                ///< Idle connections now.
    std::size_t queued = 0;              ///< Calls waiting for a connection now.
};

/// Threading rule, as for Asio's own I/O objects: by default (client_options::thread_safe false)
/// start calls, and call stats()/close_idle(), from the thread that runs the io_context, with one
/// thread running it. With thread_safe true the client runs on a strand of its executor: calls may
/// start from any thread and several threads may run the io_context (stats()/close_idle() still
/// belong on the strand). Hooks (on_event, retry, random) run where the client runs.
/// A client never creates threads and keeps no timer running between calls: io_context::run()
/// returns once the calls are done. Destroying the client while calls are running is allowed;
/// they keep what they need alive, the TLS context included: the client owns its context, or
/// shares it, and never holds a reference to one it does not keep alive.
class client {
public:
    using executor_type =
        boost::asio::any_io_executor;  ///< The executor the client runs on (a strand of it with thread_safe).

    /// Owns `tls`: `client c(ex, make_tls_context(), {...})`, or `std::move(context)`.
    client(executor_type executor, boost::asio::ssl::context&& tls, client_options options = {});
    /// Shares `tls` with its owner and other clients (one CA store in memory for all). Do not
    /// change the context once calls are running: new connections read it.
    client(executor_type executor, std::shared_ptr<boost::asio::ssl::context> tls, client_options options = {});
    /// Deleted: a call may outlive the caller's context. Pass std::move(context) or a shared_ptr.
    client(executor_type executor, boost::asio::ssl::context& tls, client_options options = {}) = delete;
    client(client&&) noexcept;             ///< The moved-from client may only be destroyed or assigned to.
    client& operator=(client&&) noexcept;  ///< Calls of the client assigned over keep running.
    ~client();

    executor_type get_executor() const noexcept;     ///< The executor given at construction.
    const client_options& options() const noexcept;  ///< The options given at construction.
    pool_stats stats() const;                        ///< The connection pool now: see pool_stats.

    /// Closes idle connections now; calls in flight are not affected.
    void close_idle();

    /// Any Web API method, untyped: `method` (e.g. "chat.postMessage") with `params` as form
    /// fields or a JSON body, and `token` (empty: none) as `Authorization: Bearer`, never as a
    /// field. Same contract as the typed operations (see slack::web::oauth): completion signature
    /// `void(boost::system::result<api_response>)`, errors, diagnostics, retries, cancellation.
    /// The rate-limit gate is the method's, for `params.rate_key` (else for the token). A call is
    /// not idempotent unless `params.idempotent` says so: after an unknown outcome it is not
    /// retried (and a method that spends a code or token is never re-sent, whatever the policy).
    /// Invalid arguments (`client_errc::invalid_argument`): an empty or malformed method name,
    /// both form and json, a json that is not an object, a form field named `token`.
    template <boost::asio::completion_token_for<call_signature> CompletionToken = default_completion_token>
    auto call(std::string_view method, call_params params, std::string_view token, slack::diagnostics& diag,
              CompletionToken&& completion = {})
    {
        return boost::asio::async_initiate<CompletionToken, call_signature>(detail::initiate_api_call{impl_},
                                                                            completion, method, params, token, &diag);
    }
    /// As above, without diagnostics.
    template <boost::asio::completion_token_for<call_signature> CompletionToken = default_completion_token>
    auto call(std::string_view method, call_params params, std::string_view token = {},
              CompletionToken&& completion = {})
    {
        return boost::asio::async_initiate<CompletionToken, call_signature>(detail::initiate_api_call{impl_},
                                                                            completion, method, params, token, nullptr);
    }

private:
    friend struct detail::client_access;
    std::shared_ptr<detail::client_impl> impl_;
};

namespace detail {
/// How the library's typed operations (detail::async_run) reach a client's implementation.
struct client_access {
    static const std::shared_ptr<client_impl>& impl(const client& c) noexcept { return c.impl_; }
};
/// A shared pointer to an implementation a client owns (compiled: client_impl is incomplete here).
/// Throws std::logic_error for null (a family object made from a moved-from client).
std::shared_ptr<client_impl> share(client_impl* impl);
}  // namespace detail

}  // namespace slack::web
