// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The connection pool: idle connections, the FIFO queue for a connection or a slot, and send(),
// which runs one attempt on a connection it leases.
#include "web/connection_pool.hpp"

#include "detail/waiter_queue.hpp"
#include "web/connection.hpp"
#include "web/exchange.hpp"
#include "web/request_header.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/this_coro.hpp>
#include <boost/beast/core/error.hpp>

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <deque>
#include <utility>

namespace slack::web::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace ssl = asio::ssl;
using boost::system::error_code;

namespace {

// A connection idle for less than this is reused without asking the kernel whether the server
// closed it (a poll() per call is a measurable share of a call's cost). Servers close idle
// connections after seconds, not milliseconds; a crash in this window would surface as a
// connection closed after the request was written, which the caller sees as outcome_unknown.
// Not a defence against a server that answers twice: a TLS server's session tickets also make
// an idle socket readable, so readable bytes say nothing; what prevents two answers is that no
// request can carry a second one (header words are checked, call.cpp).
constexpr auto stale_check_after = std::chrono::milliseconds(5);

}  // namespace

struct connection_pool::state : connection_opener {
    using connection_opener::connection_opener;

    std::deque<connection_ptr> idle;                      // back: most recently used
    slack::detail::waiter_queue<connection_ptr> waiters;  // handed an idle connection, or null: a slot
    std::size_t open = 0;

    // A slot or connection is free again: the first waiter gets it, else it is kept.
    void release(connection_ptr c)
    {
        if (c && options.idle_timeout <= std::chrono::milliseconds(0)) {  // no reuse: close, free the slot
            c->close();
            c.reset();
        }
        if (c && !waiters.empty()) {
            waiters.grant_front(std::move(c));
            return;
        }
        if (c) {
            c->idle_since = clock::now();
            idle.push_back(std::move(c));
            return;
        }
        if (!waiters.empty()) {  // a closed connection's slot goes straight to the first waiter
            waiters.grant_front(nullptr);
            return;
        }
        --open;
    }

    void discard(connection_ptr c)
    {
        c->close();
        release(nullptr);
    }

    connection_ptr take_idle()
    {
        while (!idle.empty()) {
            connection_ptr c = std::move(idle.back());
            idle.pop_back();
            const auto idle = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - c->idle_since);
            if (idle > options.idle_timeout) {
                ++counters.idle_expired;
                c->close();
                --open;
            } else if (idle > stale_check_after && c->looks_closed()) {
                ++counters.stale_discarded;
                c->close();
                --open;
            } else {
                return c;
            }
        }
        return nullptr;
    }
};

namespace {

// Owns a connection (or a reserved slot) for one exchange; gives it back on every path.
class lease {
public:
    lease(connection_pool::state& pool, connection_ptr c) : pool_(pool), connection_(std::move(c)) {}
    lease(const lease&) = delete;
    ~lease()
    {
        if (connection_)
            pool_.discard(std::move(connection_));
    }
    connection& get() { return *connection_; }
    void keep() { pool_.release(std::move(connection_)); }

private:
    connection_pool::state& pool_;
    connection_ptr connection_;
};

bool gate_closed(const http_exchange& exchange) { return exchange.rate_gate && *exchange.rate_gate > clock::now(); }

// An idle connection or a free slot now, unless others are already waiting; else null.
connection_ptr try_acquire(connection_pool::state& pool)
{
    if (!pool.waiters.empty())
        return nullptr;
    if (auto c = pool.take_idle())
        return c;
    if (pool.open >= pool.options.max_connections)
        return nullptr;
    ++pool.open;
    return std::make_shared<connection>(pool.executor, *pool.tls);
}

}  // namespace

connection_pool::connection_pool(executor_type executor, std::shared_ptr<ssl::context> tls, api_endpoint endpoint,
                                 std::optional<proxy_route> proxy, const client_options& options)
    : state_(std::make_unique<state>(std::move(executor), std::move(tls), std::move(endpoint), options))
{
    state_->proxy = std::move(proxy);
}

connection_pool::~connection_pool()
{
    for (auto& c : state_->idle)
        c->close();
}

asio::awaitable<attempt_result> connection_pool::send(const http_exchange& exchange, clock::time_point deadline)
{
    for (bool first_try = true;; first_try = false) {
        attempt_result result;
        connection_ptr acquired = try_acquire(*state_);  // the common case: no coroutine frame
        if (!acquired) {
            auto [end, handed] = co_await state_->waiters.wait(state_->executor, deadline);
            if (end != slack::detail::wait_end::granted) {
                result.error = end == slack::detail::wait_end::deadline ? error_code(client_errc::timeout)
                                                                        : error_code(asio::error::operation_aborted);
                co_return result;
            }
            acquired = handed ? std::move(handed) : std::make_shared<connection>(state_->executor, *state_->tls);
        }
        lease held(*state_, std::move(acquired));
        // A cancellation that came with the grant (or during the open below) ends the call
        // before any byte of the request leaves; the connection goes back unused.
        if (cancelled(co_await asio::this_coro::cancellation_state)) {
            if (held.get().connected)
                held.keep();  // else the lease frees the slot
            result.error = asio::error::operation_aborted;
            co_return result;
        }
        if (gate_closed(exchange)) {  // closed while we were queued
            if (held.get().connected)
                held.keep();
            result.gate_closed = true;
            co_return result;
        }
        if (clock::now() >= deadline) {  // granted too late: no attempt starts past its deadline
            if (held.get().connected)
                held.keep();
            result.error = beast::error::timeout;
            co_return result;
        }
        connection& c = held.get();
        c.arm(deadline);
        const bool reused = c.connected;
        if (reused) {
            ++state_->counters.connections_reused;
        } else if (error_code open_error = co_await open_connection(*state_, c, deadline)) {
            result.error = c.timed_out ? error_code(beast::error::timeout) : open_error;
            result.original_error = c.proxy_underlying;
            result.proxy_status = c.proxy_status;
            if (const long verified = SSL_get_verify_result(c.stream.native_handle());
                state_->endpoint.tls && verified != X509_V_OK)
                result.tls_verify_error = X509_verify_cert_error_string(verified);
            c.disarm();
            co_return result;
        }
        if (cancelled(co_await asio::this_coro::cancellation_state)) {
            c.disarm();
            held.keep();
            result.error = asio::error::operation_aborted;
            co_return result;
        }
        if (!reused && gate_closed(exchange)) {  // closed by another call's 429 while this one opened
            c.disarm();
            held.keep();
            result.gate_closed = true;
            co_return result;
        }

        if (!c.header.fits(exchange))
            c.header.write(exchange, state_->endpoint);
        co_await exchange_on(c, state_->endpoint.tls, exchange.body, state_->options, result);
        c.disarm();
        if (c.timed_out && result.error)
            result.error = beast::error::timeout;

        // A connection believed open failed before any byte left: nothing was spent, so
        // try once more on a fresh connection (the lease closes this one).
        if (reused && result.error && !result.request_written && first_try &&
            result.error != asio::error::operation_aborted)
            continue;
        if (result.response_received && !c.served)
            remember_session(*state_, c);
        c.served = true;
        wipe(c.buffer, result.bytes_read);
        // Only a connection whose answer was read to its end, with nothing after it, is reused.
        if (result.response_received && !result.error && result.keep_alive && c.buffer.size() == 0 && !c.timed_out)
            held.keep();
        co_return result;
    }
}

void connection_pool::close_idle()
{
    for (auto& c : state_->idle) {
        c->close();
        --state_->open;
    }
    state_->idle.clear();
}

pool_stats connection_pool::stats() const
{
    pool_stats s = state_->counters;
    s.open = state_->open;
    s.idle = state_->idle.size();
    s.queued = state_->waiters.size();
    return s;
}

}  // namespace slack::web::detail
