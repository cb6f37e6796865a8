#pragma once
// Magic credentials (docs/mock-server.md): a single-use credential or bearer token starting
// with `mock-` scripts the answer, the same words for every method.
#include "mock/codes.hpp"
#include "mock/reply.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <string_view>

namespace slack::mock::detail {

/// How one method takes part.
struct magic_method {
    std::string_view name;               ///< e.g. "oauth.v2.access": which examples mock-payload serves
    std::string_view spent_error;        ///< the answer once spent; empty: never spent (a bearer token that reads)
    std::string_view unknown_error;      ///< the answer to an unknown magic word
    std::string_view reusable_example;   ///< the example mock-reusable answers every time
    std::function<boost::json::object()> success;  ///< a real success, as for a valid credential
};

bool is_magic(std::string_view credential);

/// The scripted answer to one more attempt with magic `credential`. `state` counts its attempts
/// and whether it is spent; ratelimit words open `rate_limited_until`, the method's window.
outgoing_reply magic_answer(std::string_view credential, code_state& state, const magic_method& method,
                            clock::time_point& rate_limited_until);

}  // namespace slack::mock::detail
