#pragma once
// slack::web::client: where calls run (the caller's executor), how they reach Slack
// (TLS context, pooled keep-alive connections) and the rules they follow (client_options).
#include <slack/web/client_options.hpp>
#include <slack/web/tls.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/deferred.hpp>

#include <cstddef>
#include <memory>

namespace slack::web {

namespace detail {
class client_impl;
}

/// Default completion token of every operation: `co_await op(...)` inside an
/// asio::awaitable, or compose it further.
using default_token = boost::asio::deferred_t;

/// Counters of the connection pool, for tests and monitoring.
struct pool_stats {
    std::size_t connections_opened = 0;   ///< TCP+TLS connections established.
    std::size_t connections_reused = 0;   ///< Requests sent on a connection that served an earlier one.
    std::size_t sessions_resumed = 0;     ///< New connections whose TLS session was resumed.
    std::size_t stale_discarded = 0;      ///< Idle connections found closed by the server and dropped unused.
    std::size_t idle_expired = 0;         ///< Idle connections dropped for exceeding idle_timeout.
    std::size_t lookups = 0;              ///< Name lookups started (none for an address in api_url).
    std::size_t open = 0;                 ///< Connections open now (idle or busy).
    std::size_t idle = 0;                 ///< Idle connections now.
    std::size_t queued = 0;               ///< Calls waiting for a connection now.
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
    using executor_type = boost::asio::any_io_executor;

    /// Owns `tls`: `client c(ex, make_tls_context(), {...})`, or `std::move(context)`.
    client(executor_type executor, boost::asio::ssl::context&& tls, client_options options = {});
    /// Shares `tls` with its owner and other clients (one CA store in memory for all). Do not
    /// change the context once calls are running: new connections read it.
    client(executor_type executor, std::shared_ptr<boost::asio::ssl::context> tls, client_options options = {});
    /// Deleted: a call may outlive the caller's context. Pass std::move(context) or a shared_ptr.
    client(executor_type executor, boost::asio::ssl::context& tls, client_options options = {}) = delete;
    client(client&&) noexcept;
    client& operator=(client&&) noexcept;
    ~client();

    executor_type get_executor() const noexcept;
    const client_options& options() const noexcept;
    pool_stats stats() const;

    /// Closes idle connections now; calls in flight are not affected.
    void close_idle();

    /// For the library's own operations.
    const std::shared_ptr<detail::client_impl>& impl() const noexcept { return impl_; }

private:
    std::shared_ptr<detail::client_impl> impl_;
};

}  // namespace slack::web
