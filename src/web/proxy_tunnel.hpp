// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Opening a CONNECT tunnel through an HTTP proxy on a connected socket. Private to the
// transport (connection.cpp); names Beast types.
#include "web/proxy.hpp"
#include "web/transport.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/system/error_code.hpp>

namespace slack::web::detail {

struct tunnel_outcome {
    boost::system::error_code error;       ///< proxy_failed, proxy_authentication_required, proxy_refused, or none.
    boost::system::error_code underlying;  ///< What proxy_failed stands for (eof, a parse error...).
    unsigned status = 0;                   ///< The proxy's answer, when one was read.
};

/// Sends `CONNECT target HTTP/1.1` (with the route's credentials) on `stream`, connected to
/// the proxy, and reads the answer's header. On success the stream carries bytes to `target`.
/// No deadline of its own: the connection's deadline closes the socket.
boost::asio::awaitable<tunnel_outcome> open_tunnel(boost::beast::tcp_stream& stream, const proxy_route& proxy,
                                                   const api_endpoint& target);

}  // namespace slack::web::detail
