// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One connection to a Redis server, driven asynchronously on the caller's executor (through a
// strand of it). Requests are written as they come and answered in order (pipelining); each has
// a deadline; one that times out before it is written is never sent. The connection is ready
// once the server answered a PING (a paused server still accepts TCP). A dropped connection is
// opened again with capped exponential backoff; while it is down, requests fail at once (the
// limiter then answers locally) rather than wait. A rediss:// address runs over TLS, with a new
// TLS stream for each connection (one cannot be used again once closed).
// This header stays light: the socket, OpenSSL and hiredis live in connection.cpp.
#include "redis/command.hpp"
#include "redis/reply.hpp"
#include "redis/url.hpp"

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace slack::redis {

using clock = std::chrono::steady_clock;
using request_signature = void(boost::system::error_code, reply);

struct connection_options {
    std::chrono::milliseconds connect_timeout{1000};  // resolve, TCP connect, TLS, AUTH, SELECT, PING
    std::chrono::milliseconds min_backoff{50};        // before the first new attempt
    std::chrono::milliseconds max_backoff{2000};      // doubling up to this
    // rediss:// only: whom to trust. Empty: web::make_tls_context() (the system's CAs).
    std::shared_ptr<boost::asio::ssl::context> tls;
};

class connection {
public:
    // Starts connecting at once.
    connection(boost::asio::any_io_executor executor, server_address where, connection_options options = {});
    // Closes: pending requests complete with errc::closed.
    ~connection();
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    // Sends the command `args` (copied before returning) and completes with its reply, or with
    // an error: errc::timeout (nothing by `deadline`), unreachable, tls_failed, auth_refused,
    // select_refused, protocol_error, closed. A server's error reply (reply::is_error()) is not
    // an error here.
    template <class CompletionToken>
    auto request(std::initializer_list<std::string_view> args, clock::time_point deadline, CompletionToken&& token)
    {
        std::string bytes;
        append_command(bytes, args);
        return boost::asio::async_initiate<CompletionToken, request_signature>(
            [this](auto handler, std::string b, clock::time_point d) { start(std::move(b), d, std::move(handler)); },
            token, std::move(bytes), deadline);
    }

    // Whether the last attempt to connect succeeded and the connection has not dropped since.
    bool connected() const noexcept;

    void close();

    struct state;

private:
    void start(std::string bytes, clock::time_point deadline,
               boost::asio::any_completion_handler<request_signature> handler);

    std::shared_ptr<state> state_;
};

}  // namespace slack::redis
