// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Magic credentials (docs/mock-server.md): a single-use credential or bearer token starting
// with `mock-` scripts the answer, the same words for every method.
#include "mock/codes.hpp"
#include "mock/reply.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <optional>
#include <string_view>

namespace slack::mock::detail {

/// How one method takes part.
struct magic_method {
    std::string_view name;              ///< e.g. "oauth.v2.access": which examples mock-payload serves
    std::string_view spent_error;       ///< the answer once spent; empty: never spent (a bearer token that reads)
    std::string_view unknown_error;     ///< the answer to an unknown magic word
    std::string_view reusable_example;  ///< the example mock-reusable answers every time
    std::function<boost::json::object()> success;  ///< a real success, as for a valid credential
};

/// A method's rate-limit window (Slack limits each method apart): until when every request to
/// it gets a 429, its Retry-After in the form of the word that opened it.
struct rate_window {
    clock::time_point until{};
    bool http_date = false;
};

bool is_magic(std::string_view credential);

/// The scripted answer to one more attempt with magic `credential`. `state` counts its attempts
/// and whether it is spent; ratelimit words open `window`, the method's.
outgoing_reply magic_answer(std::string_view credential, code_state& state, const magic_method& method,
                            rate_window& window);

/// The 429 a request to a method gets while its window is open; nullopt once it is closed.
std::optional<outgoing_reply> window_answer(const rate_window& window);

}  // namespace slack::mock::detail
