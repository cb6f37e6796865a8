// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// One connection: its deadline timer, its close, and opening it (connect, SNI, host check,
// session resumption, handshake).
#include "web/connection.hpp"

#include "web/name_lookup.hpp"
#include "web/proxy_tunnel.hpp"
#include "web/tls_peer.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <poll.h>

namespace slack::web::detail {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using boost::system::error_code;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Through a proxy, failing to look it up or reach it is the proxy's failure (the Asio code
// stays in diagnostics::underlying); direct, the code passes through as it is.
error_code proxy_failure(const connection_opener& pool, connection& c, error_code ec)
{
    if (!pool.proxy || ec == asio::error::operation_aborted)
        return ec;
    c.proxy_underlying = ec;
    return client_errc::proxy_failed;
}

}  // namespace

// Closes the socket when the attempt's deadline passes: every pending or later operation
// then fails. Cheaper than Beast's per-operation timeouts, and cheaper than arming a timer
// per attempt (a timerfd_settime system call and a cancelled wait each time): the wait is
// left running across back-to-back attempts and moved only for an earlier deadline. When it
// fires early for a later attempt's deadline, it waits again. Once the connection stays
// idle, the wait is cancelled (see disarm()): a pending wait would keep the caller's
// io_context::run() from returning.
void connection::arm(clock::time_point attempt_deadline)
{
    timed_out = false;
    deadline = attempt_deadline;
    if (timer_waiting && deadline_timer.expiry() <= deadline)
        return;
    deadline_timer.expires_at(deadline);  // a later wait is cancelled; its handler is ignored
    wait_for_deadline();
}

// The attempt is over. If no other attempt starts on this connection before the posted
// check runs (the caller's next call usually does, from its completion handler), the wait
// is cancelled.
void connection::disarm()
{
    deadline = clock::time_point::max();
    if (timer_waiting)
        asio::post(deadline_timer.get_executor(), [weak = weak_from_this()] {
            if (auto self = weak.lock(); self && self->deadline == clock::time_point::max())
                self->stop_waiting();
        });
}

void connection::stop_waiting()
{
    if (!timer_waiting)
        return;
    timer_waiting = false;
    ++wait_generation;  // the cancelled wait's handler is ignored
    deadline_timer.cancel();
}

void connection::wait_for_deadline()
{
    timer_waiting = true;
    deadline_timer.async_wait([weak = weak_from_this(), generation = ++wait_generation](error_code ec) {
        auto self = weak.lock();
        if (!self || self->wait_generation != generation)
            return;  // the connection is gone, or this wait was replaced or cancelled
        self->timer_waiting = false;
        if (ec || self->deadline == clock::time_point::max())
            return;                           // no attempt running: the next arm() starts a wait
        if (clock::now() < self->deadline) {  // armed for an earlier attempt that has ended
            self->deadline_timer.expires_at(self->deadline);
            self->wait_for_deadline();
            return;
        }
        self->timed_out = true;
        error_code ignored;
        self->tcp().socket().close(ignored);
    });
}

// Readable while idle means the server sent EOF, an alert or garbage: do not reuse.
bool connection::looks_closed()
{
    auto& socket = tcp().socket();
    if (!socket.is_open())
        return true;
    pollfd descriptor{socket.native_handle(), POLLIN, 0};
    return ::poll(&descriptor, 1, 0) != 0;
}

void connection::close()
{
    // Mark the TLS session as cleanly ended so that it stays resumable.
    SSL_set_shutdown(stream.native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    error_code ignored;
    tcp().socket().close(ignored);  // sends the FIN; no shutdown() call needed
    deadline = clock::time_point::max();
    stop_waiting();
}

asio::awaitable<error_code> open_connection(connection_opener& pool, connection& c, clock::time_point deadline)
{
    const api_endpoint& endpoint = pool.endpoint;
    c.proxy_status = 0;
    c.proxy_underlying = {};
    // Through a proxy, TCP goes to the proxy; TLS (SNI, host check) is still with `endpoint`.
    const api_endpoint& first_hop = pool.proxy ? pool.proxy->endpoint : endpoint;
    if (!pool.resolved)
        pool.resolved = literal_address(first_hop);  // never expires: nothing was looked up
    else if (pool.resolved_at != clock::time_point{} && clock::now() - pool.resolved_at > pool.options.lookup_max_age)
        pool.resolved.reset();
    if (!pool.resolved) {
        if (!pool.lookup.in_flight())
            ++pool.counters.lookups;  // else it joins the one in flight
        auto [resolve_error, results] = co_await pool.lookup.resolve(pool.executor, first_hop, deadline);
        if (resolve_error)
            co_return proxy_failure(pool, c, resolve_error);
        pool.resolved = std::move(results);
        pool.resolved_at = clock::now();
    }
    auto [connect_error, ignored_endpoint] = co_await c.tcp().async_connect(*pool.resolved, use_tuple);
    if (connect_error) {
        pool.resolved.reset();  // resolve again next time
        co_return proxy_failure(pool, c, connect_error);
    }
    c.tcp().socket().set_option(tcp::no_delay(true));
    if (pool.proxy) {
        const tunnel_outcome tunnel = co_await open_tunnel(c.tcp(), *pool.proxy, endpoint);
        c.proxy_underlying = tunnel.underlying;
        if (tunnel.error && tunnel.status)
            c.proxy_status = tunnel.status;
        if (tunnel.error)
            co_return tunnel.error;
    }
    if (endpoint.tls) {
        SSL* handle = c.stream.native_handle();
        if (const error_code refused = expect_peer(handle, endpoint.host))
            co_return refused;
        if (pool.saved_session)
            SSL_set_session(handle, pool.saved_session.get());
        auto [handshake_error] = co_await c.stream.async_handshake(ssl::stream_base::client, use_tuple);
        if (handshake_error) {
            if (handshake_error != asio::error::operation_aborted)
                pool.resolved.reset();  // the address may now belong to another host
            co_return handshake_error;
        }
        if (SSL_session_reused(handle))
            ++pool.counters.sessions_resumed;
    }
    c.connected = true;
    ++pool.counters.connections_opened;
    co_return error_code{};
}

void remember_session(connection_opener& pool, connection& c)
{
    // TLS 1.3 tickets arrive after the handshake: take the session once a response was read.
    if (!pool.endpoint.tls || !pool.options.resume_tls_sessions)
        return;
    SSL_SESSION* session = SSL_get1_session(c.stream.native_handle());
    if (session && SSL_SESSION_is_resumable(session))
        pool.saved_session.reset(session);
    else if (session)
        SSL_SESSION_free(session);
}

}  // namespace slack::web::detail
