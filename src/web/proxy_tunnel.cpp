// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The CONNECT exchange with a proxy: one request line and headers out, one header in.
#include "web/proxy_tunnel.hpp"

#include "crypto/wiped_string.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>

#include <openssl/crypto.h>

#include <string>

namespace slack::web::detail {

namespace asio = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::uint32_t proxy_header_limit = 8 * 1024;  // a CONNECT answer is a status line and a few headers

}  // namespace

asio::awaitable<tunnel_outcome> open_tunnel(boost::beast::tcp_stream& stream, const proxy_route& proxy,
                                            const api_endpoint& target)
{
    crypto::wiped_string request;  // it carries the proxy's credentials
    // Sized once: a reallocation would free a copy of the credentials unwiped.
    request.text.reserve(64 + 2 * target.authority.size() + proxy.authorization.size());
    request.text.append("CONNECT ").append(target.authority).append(" HTTP/1.1\r\nHost: ").append(target.authority);
    if (!proxy.authorization.empty())
        request.text.append("\r\nProxy-Authorization: ").append(proxy.authorization);
    request.text.append("\r\n\r\n");
    tunnel_outcome outcome;
    auto [write_error, written] = co_await asio::async_write(stream.socket(), asio::buffer(request.text), use_tuple);
    if (write_error) {
        outcome.error = client_errc::proxy_failed;
        outcome.underlying = write_error;
        co_return outcome;
    }
    boost::beast::flat_buffer buffer;
    http::response_parser<http::empty_body> parser;
    parser.header_limit(proxy_header_limit);
    auto [read_error, bytes] = co_await http::async_read_header(stream.socket(), buffer, parser, use_tuple);
    if (read_error) {
        outcome.error = client_errc::proxy_failed;
        outcome.underlying = read_error;
        co_return outcome;
    }
    outcome.status = parser.get().result_int();
    // 407 as RFC 9110 says; 401 is what tinyproxy answers when the credentials are wrong. Either
    // comes from the proxy (nothing reached Slack), and says the same thing.
    // A 5xx is the proxy failing to reach Slack (tinyproxy 500, squid 502/503/504): transient, as
    // the same failure made directly would be; any other refusal is the proxy's policy.
    if (outcome.status == 407 || outcome.status == 401)
        outcome.error = client_errc::proxy_authentication_required;
    else if (outcome.status / 100 == 5)
        outcome.error = client_errc::proxy_failed;
    else if (outcome.status / 100 != 2)
        outcome.error = client_errc::proxy_refused;
    else if (buffer.size() != 0) {  // bytes after a 2xx header would be taken for the TLS server's
        outcome.error = client_errc::proxy_failed;
        outcome.status = 0;  // not "the proxy answered HTTP 200": it answered with more than that
        outcome.underlying = http::error::unexpected_body;  // else diagnostics::underlying says "Success"
    }
    co_return outcome;
}

}  // namespace slack::web::detail
