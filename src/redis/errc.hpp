// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The errors of the Redis connection and of the shared rate limiter's script. Their messages
// never quote a URL or a command: either may carry the password.
#include <boost/system/error_code.hpp>

#include <type_traits>

namespace slack::redis {

enum class errc : int {
    bad_url = 1,          // not redis://[user:password@]host[:port][/db]
    tls_unsupported = 2,  // rediss://
    unreachable = 3,      // connect failed, or the connection dropped
    timeout = 4,          // no answer by the request's deadline
    auth_refused = 5,     // AUTH answered with an error
    select_refused = 6,   // SELECT answered with an error
    protocol_error = 7,   // a reply hiredis cannot parse
    closed = 8,           // the connection was closed by its owner
    bad_reply = 9,        // a reply of an unexpected shape (the script's answer)
};

const boost::system::error_category& category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept { return {static_cast<int>(e), category()}; }

}  // namespace slack::redis

namespace boost::system {
template <>
struct is_error_code_enum<slack::redis::errc> {
    static constexpr bool value = true;
};
}  // namespace boost::system
