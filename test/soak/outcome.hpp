// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How a soak call ended, in the few classes the expectations distinguish. Anything else is
// `unexpected`, a violation whatever the fault.
#include <slack/diagnostics.hpp>
#include <slack/web/methods/oauth_access.hpp>

#include <boost/system/result.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace soak {

enum class outcome : std::uint8_t {
    success,
    outcome_unknown,      ///< client_errc::outcome_unknown
    operation_aborted,    ///< asio::error::operation_aborted
    ratelimited,          ///< api_errc::ratelimited
    http_status,          ///< client_errc::http_status
    service_unavailable,  ///< api_errc::service_unavailable
    unexpected,
};
inline constexpr std::size_t outcome_count = 7;

std::string_view to_string(outcome o) noexcept;

outcome classify(const boost::system::result<slack::web::access_response>& r);

}  // namespace soak
