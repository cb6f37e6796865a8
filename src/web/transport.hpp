// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the call and the transport share: the endpoint, one exchange's request and its outcome.
// Private to the library, and light: no Beast, no SSL (call.cpp and envelope.cpp include it).
#include <boost/asio/cancellation_state.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace slack::web::detail {

using clock = std::chrono::steady_clock;
/// Where a client runs: a strand of the caller's executor, or the executor itself
/// (client_options::thread_safe).
using executor_type = boost::asio::any_io_executor;

/// Where requests go, parsed once from client_options::api_url.
struct api_endpoint {
    bool tls = true;
    std::string host;
    std::string port;
    std::string host_header;  ///< Host header: host, and port when one was given
    std::string authority;    ///< host:port, always with the port (a CONNECT's target)
    std::string path_prefix;  ///< e.g. "/api/"; the method name is appended
};

/// A terminal (or any) cancellation was requested for the running coroutine.
inline bool cancelled(const boost::asio::cancellation_state& state)
{
    return state.cancelled() != boost::asio::cancellation_type::none;
}

struct http_exchange {
    std::string_view method;  ///< e.g. "oauth.access": the target is the endpoint's path prefix + method.
    std::string_view body;    ///< Encoded as `content_type` says.
    /// The Authorization header's value, kept once: shared with the request (or the client's
    /// cached Basic header) and with the request header made from it. Null (or empty): none.
    std::shared_ptr<const std::string> authorization;
    /// The method's rate-limit gate: no request before this time. A call that waited in the
    /// queue while another call met a 429 checks it again once granted a connection.
    const clock::time_point* rate_gate = nullptr;
    /// Last, so that the form calls' positional initializers stay as they are.
    std::string_view content_type = "application/x-www-form-urlencoded";
};

struct attempt_result {
    boost::system::error_code error;  ///< Transport error; empty when a response arrived.
    /// The Asio/Beast/SSL code behind `error` when it was renamed (connection_closed,
    /// bad_response, body_too_large), for diagnostics::underlying.
    boost::system::error_code original_error;
    bool request_written = false;  ///< At least one byte of the request was written.
    bool response_received = false;
    bool gate_closed = false;                ///< Not sent: the method's gate closed while the call was queued.
    std::size_t bytes_read = 0;              ///< Bytes of the response(s) read from the connection.
    const char* tls_verify_error = nullptr;  ///< Why the server's certificate was refused (OpenSSL's words).
    unsigned proxy_status = 0;               ///< The proxy's non-2xx answer to CONNECT (nothing reached Slack).
    bool keep_alive = false;
    unsigned status = 0;
    std::string body;
    std::string retry_after;  ///< Raw header value, empty if absent.
};

}  // namespace slack::web::detail
