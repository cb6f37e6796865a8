// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// What Slack (and the transport) said beyond the error code. Never holds a secret.
#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace slack {

/// What Slack and the transport said about a call beyond its error code: pass one to an
/// operation's `diag` overload; the call clears it when it starts and fills it in before the
/// handler runs. Holds no secret: no token, code or client secret.
struct diagnostics {
    std::string error{};                                ///< Slack's raw `error` string, also one we do not know.
    std::string warning{};                              ///< Slack's top-level `warning` (comma-separated codes).
    std::vector<std::string> warnings{};                ///< `response_metadata.warnings`.
    std::vector<std::string> messages{};                ///< `response_metadata.messages`.
    std::string needed{};                               ///< `needed` scopes on `missing_scope`.
    std::string provided{};                             ///< `provided` scopes on `missing_scope`.
    unsigned http_status = 0;                           ///< Status of the last HTTP response, 0 if none arrived.
    std::optional<std::chrono::seconds> retry_after{};  ///< Retry-After of the last response, when present.
    unsigned attempts = 0;                              ///< Attempts made (requests started).
    boost::system::error_code underlying{};             ///< For outcome_unknown and friends: the error that caused it.
    std::string client_message{};  ///< What the client itself found wrong, in words (never a secret).

    /// Resets every field. The strings and vectors keep their capacity, so a diagnostics reused
    /// from call to call does not allocate again.
    void clear() noexcept
    {
        error.clear();
        warning.clear();
        warnings.clear();
        messages.clear();
        needed.clear();
        provided.clear();
        http_status = 0;
        retry_after.reset();
        attempts = 0;
        underlying.clear();
        client_message.clear();
    }
};

}  // namespace slack
