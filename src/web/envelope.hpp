#pragma once
// Slack's response envelope: every body is a JSON object with `ok`, and on failure `error`.
#include "web/transport.hpp"

#include <slack/diagnostics.hpp>

#include <boost/json/object.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace slack::web::detail {

/// Turns one attempt's outcome into an error code (empty on `ok: true`), filling `diag` with
/// what Slack said. On success, `object` receives the response object.
/// Classifies by the body when it is a Slack JSON body, else by HTTP status.
boost::system::error_code interpret_reply(attempt_result& reply, slack::diagnostics& diag,
                                          boost::json::object& object);

/// Retry-After as delta-seconds or an HTTP-date (RFC 9110), relative to `now`.
/// nullopt when absent or unusable; a date in the past gives zero.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace slack::web::detail
