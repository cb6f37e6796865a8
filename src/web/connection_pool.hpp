// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The client's keep-alive connections to the API endpoint, and sending one request on them.
// Private to the library. Beast and SSL stay in the .cpp files: call.cpp includes this.
#include "web/proxy.hpp"
#include "web/transport.hpp"

#include <slack/web/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>

namespace slack::web::detail {

class connection_pool {
public:
    /// Calls keep the client_impl, hence the pool and `tls`, alive.
    /// With a `proxy`, every connection is a tunnel through it: the pool never mixes the two.
    connection_pool(executor_type executor, std::shared_ptr<boost::asio::ssl::context> tls, api_endpoint endpoint,
                    std::optional<proxy_route> proxy, const client_options& options);
    ~connection_pool();
    connection_pool(const connection_pool&) = delete;
    connection_pool& operator=(const connection_pool&) = delete;

    /// Sends one request and reads its response, on an idle connection believed open or a
    /// new one. `deadline` bounds queueing, connect, handshake, write and read.
    /// Must run on the pool's executor. Never throws.
    boost::asio::awaitable<attempt_result> send(const http_exchange& exchange, clock::time_point deadline);

    void close_idle();
    pool_stats stats() const;

    struct state;  // defined in connection_pool.cpp

private:
    std::unique_ptr<state> state_;
};

}  // namespace slack::web::detail
