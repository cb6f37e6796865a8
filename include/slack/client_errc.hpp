// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Errors the client itself detects, as opposed to error strings Slack sends (api_errc)
/// and Asio/Beast/SSL errors, which pass through, except where retry logic needs one concept
/// (connection_closed, bad_response): the original code is then in diagnostics::underlying.
#include <boost/system/error_code.hpp>
#include <type_traits>

namespace slack {

/// Errors the client finds itself (error category "slack.client"). Test them through slack::condition.
enum class client_errc {
    /// The response body is not valid JSON.
    invalid_json = 1,
    /// The JSON is valid but not the documented shape (not an object, no `ok`, a field of the wrong type).
    unexpected_shape,
    /// The response body exceeds client_options::max_body_bytes.
    body_too_large,
    /// An HTTP error status without a Slack JSON body (an HTML error page, say).
    http_status,
    /// The API URL is plain http:// and client_options::allow_insecure_http is off.
    insecure_url,
    /// The API URL cannot be parsed or is not http(s).
    invalid_url,
    /// A parameter is missing or malformed (empty code, empty client id...).
    invalid_argument,
    /// The call's deadline passed (all attempts and waits included).
    timeout,
    /// One attempt took longer than client_options::attempt_timeout.
    attempt_timeout,
    /// The request was sent but its answer was lost; it may have been processed.
    outcome_unknown,
    /// A retry was told the single-use credential (a code, a refresh token...) is spent, after an
    /// attempt whose answer was lost: that attempt most likely spent it.
    code_probably_consumed,
    /// The server closed the connection before answering.
    connection_closed,
    /// The HTTP response could not be read (protocol error).
    bad_response,
    /// client_options::proxy (or HTTPS_PROXY) is not `http://[user:password@]host[:port]`.
    invalid_proxy_url,
    /// The proxy URL's scheme is not `http` (HTTPS and SOCKS proxies are not supported).
    unsupported_proxy_scheme,
    /// The proxy could not be reached, or closed or garbled the connection before the tunnel was
    /// up: nothing reached Slack.
    proxy_failed,
    /// The proxy answered CONNECT with 407 (or 401): credentials missing or refused. Nothing reached Slack.
    proxy_authentication_required,
    /// The proxy answered CONNECT with another non-2xx status (diagnostics::client_message names
    /// it). Nothing reached Slack.
    proxy_refused,
};

/// The category of client_errc: its message() names the problem, never a secret.
const boost::system::error_category& client_category() noexcept;

/// Makes `e` an error code, so that `ec == slack::client_errc::timeout` compiles.
inline boost::system::error_code make_error_code(client_errc e) noexcept
{
    return {static_cast<int>(e), client_category()};
}

/// The enumerator's name, e.g. "body_too_large".
const char* to_string(client_errc e) noexcept;

}  // namespace slack

template <>
struct boost::system::is_error_code_enum<slack::client_errc> : std::true_type {};
