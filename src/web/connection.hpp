// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One keep-alive connection to the API endpoint (TLS, or plain TCP when allowed): its stream,
// its deadline timer, and how it is opened. Private to the transport; names Beast and SSL
// types, so only the transport's .cpp files include it.
#include "web/name_lookup.hpp"
#include "web/proxy.hpp"
#include "web/request_header.hpp"
#include "web/transport.hpp"

#include <slack/web/client.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/system/error_code.hpp>

#include <openssl/ssl.h>

#include <memory>
#include <optional>
#include <utility>

namespace slack::web::detail {

struct session_deleter {
    void operator()(SSL_SESSION* session) const noexcept { SSL_SESSION_free(session); }
};
using session_ptr = std::unique_ptr<SSL_SESSION, session_deleter>;

struct connection : std::enable_shared_from_this<connection> {
    connection(const executor_type& executor, boost::asio::ssl::context& tls)
        : stream(executor, tls), deadline_timer(executor)
    {
    }

    boost::beast::ssl_stream<boost::beast::tcp_stream> stream;
    boost::beast::flat_buffer buffer;                       // reused across requests
    request_header header;                                  // what it sends; rewritten when a request differs
    boost::asio::steady_timer deadline_timer;               // one per connection, not one per socket operation
    clock::time_point deadline = clock::time_point::max();  // the current attempt's; max() between attempts
    bool timer_waiting = false;                             // a wait is outstanding on deadline_timer
    unsigned wait_generation = 0;                           // which wait a handler belongs to
    clock::time_point idle_since{};
    bool connected = false;
    bool served = false;                         // has answered a request before
    bool timed_out = false;                      // the attempt's deadline closed the socket
    unsigned proxy_status = 0;                   // the proxy's refusal of CONNECT, when opening failed so
    boost::system::error_code proxy_underlying;  // what a proxy_failed from opening stands for

    /// Closes the socket once `attempt_deadline` passes (see connection.cpp).
    void arm(clock::time_point attempt_deadline);
    /// The attempt is over: the deadline wait stops unless another attempt starts soon.
    void disarm();
    void stop_waiting();
    void wait_for_deadline();

    boost::beast::tcp_stream& tcp() { return stream.next_layer(); }

    /// The server closed it (or sent something) while it was idle.
    bool looks_closed();
    /// Closes the socket, keeping the TLS session resumable.
    void close();
};

using connection_ptr = std::shared_ptr<connection>;

/// What opening a pool's connections reads and keeps: where they go, the addresses looked up,
/// the TLS session to resume, the pool's counters. The pool's state extends it.
struct connection_opener {
    connection_opener(executor_type s, std::shared_ptr<boost::asio::ssl::context> t, api_endpoint e,
                      const client_options& o)
        : executor(std::move(s)), tls(std::move(t)), endpoint(std::move(e)), options(o)
    {
    }

    executor_type executor;
    std::shared_ptr<boost::asio::ssl::context> tls;  // shared with the caller (or owned): never a dangling reference
    api_endpoint endpoint;
    std::optional<proxy_route> proxy;  // connections tunnel through it (see proxy.hpp)
    const client_options& options;
    std::optional<boost::asio::ip::tcp::resolver::results_type> resolved;  // see client_options::lookup_max_age
    clock::time_point resolved_at{};
    host_lookup lookup;  // the one lookup in flight, shared by the connections opening meanwhile
    session_ptr saved_session;
    pool_stats counters;
};

/// Looks the host up if needed, connects `c` and, over TLS, sets SNI and the host check, offers
/// the saved session and handshakes. The deadline timer `c` is armed with bounds it.
boost::asio::awaitable<boost::system::error_code> open_connection(connection_opener& pool, connection& c,
                                                                  clock::time_point deadline);

/// Keeps `c`'s TLS session for later connections to resume (when the options allow).
void remember_session(connection_opener& pool, connection& c);

}  // namespace slack::web::detail
