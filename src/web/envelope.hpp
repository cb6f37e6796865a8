// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Slack's response envelope: every body is a JSON object with `ok`, and on failure `error`.
// The body is parsed once, as a stream of values: the envelope keeps what it needs and hands
// every value to the calling method's `response_fields`; no JSON tree is built.
#include "web/transport.hpp"

#include <slack/diagnostics.hpp>

#include <boost/json/parse_options.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace slack::web::detail {

enum class json_kind { string, number, boolean, null, object, array };

/// One value of a response body, as the parse meets it.
struct json_value {
    /// The enclosing containers' keys from the top object, joined by '.' ("" in the top object,
    /// "[]" for an array). Exact up to depth 2; deeper, a key containing '.' could alias a path.
    std::string_view parent;
    std::string_view key;  ///< The member's key, or "[]" for an array element.
    std::size_t depth;     ///< 1 for the top object's members, 2 for theirs, ...
    json_kind kind;
    /// A string's unescaped value, a number as written, "true" or "false"; empty for null,
    /// object and array (whose members follow).
    std::string_view text;
};

/// Where a method's typed response gets its values from, while the body is parsed.
class response_fields {
public:
    /// A new attempt's `body` is about to be parsed: forget the previous one's values. Strings
    /// without escapes are delivered as views into `body`.
    virtual void clear(std::string_view body) = 0;
    virtual void on_value(const json_value& value) = 0;
    /// The call succeeded (`ok: true`) with `body`, whose values were delivered: keep it, or
    /// return unexpected_shape. What is wrong (also with a usable answer: a mistyped optional
    /// field) goes to `problem`, in words; what that means for the call is call_algorithm's.
    virtual boost::system::error_code finish(std::string body, std::string& problem) = 0;

protected:
    ~response_fields() = default;
};

/// 2xx: Slack received and processed the request.
inline bool is_success_status(unsigned status) { return status >= 200 && status < 300; }

/// One attempt's outcome, as values: what the transport and the response's parse found.
struct attempt_outcome {
    boost::system::error_code error{};           ///< Empty: a usable `ok: true` answer.
    boost::system::error_code original_error{};  ///< The transport's code behind a renamed `error`.
    unsigned http_status = 0;                    ///< 0 when no response arrived.
    std::optional<std::chrono::seconds> retry_after{};
    bool request_written = false;            ///< At least one byte of the request left.
    bool response_received = false;          ///< A complete response arrived.
    bool ok = false;                         ///< The body said `ok: true` (Slack did what was asked).
    bool gate_closed = false;                ///< Nothing was sent: the method's gate closed while queued.
    const char* tls_verify_error = nullptr;  ///< Why the server's certificate was refused.
    unsigned proxy_status = 0;               ///< The proxy's non-2xx answer to CONNECT.
    /// What the response's fields lack or mistype, in words (without secrets); with `ok`, the
    /// answer may still be usable (a mistyped optional field).
    std::string problem{};
};

/// Turns what the transport gave into `out`, the attempt's outcome. Classifies by the body when
/// it is a Slack JSON body, else by HTTP status; with `out.ok` (an `ok: true` body, every value
/// delivered), the caller hands the body to `fields.finish()`. What Slack said in words (`error`,
/// warnings, `needed`...) goes to `diag`, replacing the previous attempt's; nothing else does
/// (call_algorithm writes the rest). A UTF-16 surrogate escape without its pair
/// ("\ud83d") is replaced in `reply.body` by "\ufffd" (U+FFFD, as a later Boost.JSON's
/// allow_invalid_utf16 does), so that the body the response keeps parses again.
void interpret_reply(attempt_result& reply, slack::diagnostics& diag, response_fields& fields, attempt_outcome& out);

/// How bodies are parsed: standard JSON, except that strings are not checked for valid UTF-8.
/// Slack sends UTF-8; a stray byte (a proxy's rewrite, a Latin-1 team name) is passed through
/// as it is rather than failing a call whose code is then spent, and the check is a quarter
/// of the parse's cost. raw() parses with the same options. (Lone surrogate escapes: see
/// interpret_reply.)
boost::json::parse_options body_parse_options();

/// Retry-After as delta-seconds or an HTTP-date (RFC 9110), relative to `now`.
/// nullopt when absent or unusable; a date in the past gives zero.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace slack::web::detail
