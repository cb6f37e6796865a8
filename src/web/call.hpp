#pragma once
// One Web API call with its retries: rate-limit gate, attempts on the pool, interpretation,
// retry policy, budget, deadline and cancellation. Method-specific code builds the request
// before and maps the JSON object after.
#include "web/client_impl.hpp"

#include <slack/diagnostics.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace slack::web::detail {

struct api_request {
    std::string_view method;    ///< e.g. "oauth.access"
    std::string body;           ///< Form-encoded parameters.
    std::string authorization;  ///< Authorization header value, or empty.
    bool idempotent = false;    ///< Safe to run twice.
    bool single_use = false;    ///< Spends a single-use credential (a code, a refresh token).
};

/// Runs the call on the client's executor. On `ok: true`, the response object.
boost::asio::awaitable<boost::system::result<boost::json::object>> run_call(client_impl& client,
                                                                            const api_request& request,
                                                                            slack::diagnostics& diag);

}  // namespace slack::web::detail
