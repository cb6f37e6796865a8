// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "outcome.hpp"

#include <slack/error.hpp>

#include <boost/asio/error.hpp>

namespace soak {

std::string_view to_string(outcome o) noexcept
{
    switch (o) {
    case outcome::success: return "success";
    case outcome::outcome_unknown: return "outcome_unknown";
    case outcome::operation_aborted: return "operation_aborted";
    case outcome::ratelimited: return "ratelimited";
    case outcome::http_status: return "http_status";
    case outcome::service_unavailable: return "service_unavailable";
    case outcome::unexpected: return "unexpected";
    }
    return "?";
}

outcome classify(const boost::system::result<slack::web::access_response>& r)
{
    if (r)
        return r->access_token().empty() ? outcome::unexpected : outcome::success;
    const boost::system::error_code& ec = r.error();
    if (ec == slack::client_errc::outcome_unknown)
        return outcome::outcome_unknown;
    if (ec == boost::asio::error::operation_aborted)
        return outcome::operation_aborted;
    if (ec == slack::api_errc::ratelimited)
        return outcome::ratelimited;
    if (ec == slack::client_errc::http_status)
        return outcome::http_status;
    if (ec == slack::api_errc::service_unavailable)
        return outcome::service_unavailable;
    return outcome::unexpected;
}

}  // namespace soak
