// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Writing a request and reading its answer, over TLS or plain TCP, with Beast.
#include "web/exchange.hpp"

#include "web/reply_parser.hpp"
#include "web/request_header.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>

#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <utility>

namespace slack::web::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// 1xx responses skipped before the answer; more means a broken or hostile server.
constexpr unsigned max_interim_responses = 8;

template <class Stream>
asio::awaitable<void> exchange_over(Stream& stream, connection& c, std::string_view body, const client_options& options,
                                    attempt_result& result)
{
    const std::array<asio::const_buffer, 2> request{asio::buffer(c.header.bytes), asio::buffer(body)};
    auto [write_error, written] = co_await asio::async_write(stream, request, use_tuple);
    result.request_written = written > 0;
    if (write_error) {
        result.error = write_error;
        co_return;
    }
    // Interim responses (1xx, RFC 9110 section 15.2) are read and skipped: the final one follows on
    // the same connection, and must not be left there for the next request to read.
    for (unsigned interim = 0;; ++interim) {
        reply_parser parser(result, options.max_body_bytes);
        auto [read_error, read] = co_await http::async_read(stream, c.buffer, parser, use_tuple);
        result.bytes_read += read;
        if (read_error) {
            result.original_error = read_error;
            if (read_error == http::error::body_limit) {
                // Slack answered; the answer is unusable (and the rest of it unread).
                result.error = client_errc::body_too_large;
                result.response_received = true;
                co_return;
            }
            result.status = 0;  // what arrived before the failure is not a response
            result.retry_after.clear();
            result.body.clear();
            if (read_error == http::error::end_of_stream || read_error == asio::error::eof ||
                read_error == ssl::error::stream_truncated || read_error == asio::error::connection_reset)
                result.error = client_errc::connection_closed;
            else if (read_error.category() == make_error_code(http::error::end_of_stream).category())
                result.error = client_errc::bad_response;  // any other Beast HTTP parse error
            else
                result.error = std::exchange(result.original_error, {});  // passed on unchanged
            co_return;
        }
        if (result.status >= 200 || result.status < 100) {
            result.response_received = true;
            result.keep_alive = parser.keep_alive();
            co_return;
        }
        result.retry_after.clear();  // an interim response's fields are not the answer's
        result.body.clear();
        // A 101 we never asked for, or interim responses without end: not an HTTP/1.1 answer.
        if (result.status == 101 || interim >= max_interim_responses) {
            result.status = 0;
            result.error = client_errc::bad_response;
            co_return;
        }
    }
}

}  // namespace

// Not a coroutine: the exchange runs in exchange_over's frame alone.
asio::awaitable<void> exchange_on(connection& c, bool tls, std::string_view body, const client_options& options,
                                  attempt_result& result)
{
    if (tls)
        return exchange_over(c.stream, c, body, options, result);
    return exchange_over(c.tcp(), c, body, options, result);
}

// Decrypted bytes of earlier answers (tokens) stay in a connection's read buffer: wipe them.
// Only the bytes this exchange read: an empty flat_buffer writes from its start, and wiping its
// whole capacity on every call would cost more than the parse.
void wipe(beast::flat_buffer& buffer, std::size_t bytes_read)
{
    if (buffer.size() != 0)
        return;  // unread bytes: the connection is not reused, and closes with them
    const auto storage = buffer.prepare(std::min(bytes_read, buffer.capacity()));
    OPENSSL_cleanse(storage.data(), storage.size());
}

}  // namespace slack::web::detail
