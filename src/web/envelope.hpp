#pragma once
// Slack's response envelope: every body is a JSON object with `ok`, and on failure `error`.
#include "web/transport.hpp"

#include <slack/diagnostics.hpp>

#include <boost/json/object.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <optional>
#include <string_view>

namespace slack::web::detail {

/// Turns one attempt's outcome into the response object (on `ok: true`) or an error code,
/// filling `diag` with what Slack said. Classifies by the body when it is a Slack JSON body,
/// else by HTTP status. The object owns the arena its contents live in: move it, do not
/// move-assign it into an object with other storage (that copies).
boost::system::result<boost::json::object> interpret_reply(attempt_result& reply, slack::diagnostics& diag);

/// Retry-After as delta-seconds or an HTTP-date (RFC 9110), relative to `now`.
/// nullopt when absent or unusable; a date in the past gives zero.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

}  // namespace slack::web::detail
