// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One HTTP exchange on an open connection: its request header and body written, its answer read.
#include "web/connection.hpp"
#include "web/transport.hpp"

#include <slack/web/client_options.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>

#include <cstddef>
#include <string_view>

namespace slack::web::detail {

/// Writes `c.header` and `body` (over TLS when `tls`, else over plain TCP), then reads the
/// answer into `result`, skipping interim responses. Transport errors are in `result`.
boost::asio::awaitable<void> exchange_on(connection& c, bool tls, std::string_view body, const client_options& options,
                                         attempt_result& result);

/// Wipes what the exchange read into `buffer` (`bytes_read` bytes), once all of it was consumed.
void wipe(boost::beast::flat_buffer& buffer, std::size_t bytes_read);

}  // namespace slack::web::detail
