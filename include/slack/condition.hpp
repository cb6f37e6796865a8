// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Error conditions: groups of error codes that callers test instead of listing codes.
///   if (r.error() == slack::condition::rate_limited) ...
#include <boost/system/error_code.hpp>
#include <type_traits>

namespace slack {

/// Groups of error codes (api_errc, client_errc, install_errc, store_errc, Asio's), compared with `==`.
enum class condition {
    /// Slack asked us to slow down (HTTP 429 / `ratelimited`).
    rate_limited = 1,
    /// Worth retrying after a pause: outages, timeouts, connection trouble before the request was sent.
    transient,
    /// Credentials or permissions are wrong; retrying will not help.
    auth,
    /// The call itself is malformed or refers to something invalid (bad code, bad redirect URI...).
    invalid_request,
    /// The request may have been processed; its result was lost.
    outcome_unknown,
};

/// The category of slack::condition.
const boost::system::error_category& condition_category() noexcept;

/// Makes `c` an error condition, so that `ec == slack::condition::transient` compiles.
inline boost::system::error_condition make_error_condition(condition c) noexcept
{
    return {static_cast<int>(c), condition_category()};
}

}  // namespace slack

template <>
struct boost::system::is_error_condition_enum<slack::condition> {
    static constexpr bool value = true;
};
