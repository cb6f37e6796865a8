// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// What the client tells client_options::on_event about a call. Contains no secret.
#include <boost/system/error_code.hpp>

#include <chrono>
#include <string_view>

namespace slack::web {

/// One event of a call, passed by reference to client_options::on_event. Its views (`method`,
/// `reason`) and the event itself are valid only during that hook call: a hook that keeps
/// anything for later (a log queue, another thread) copies it into a std::string first.
struct call_event {
    /// What happened.
    enum class kind {
        attempt_started,  ///< A request is about to be sent.
        attempt_failed,   ///< An attempt ended in error (error, http_status set).
        retry_scheduled,  ///< The client waits `delay` before the next attempt (reason set).
        rate_limit_wait,  ///< The method's rate-limit gate is closed; the call waits `delay`.
        succeeded,        ///< The call completed successfully.
        failed,           ///< The call completed with `error`.
        /// client_options::limiter paces the method: the call waits `delay` before sending.
        pacing_wait,
    };
    kind what{};                         ///< What happened.
    std::string_view method{};           ///< e.g. "oauth.access"
    unsigned attempt = 0;                ///< The attempt (1-based) that starts, failed, or waits.
    boost::system::error_code error{};   ///< attempt_failed, failed: why.
    unsigned http_status = 0;            ///< attempt_failed: the HTTP status, 0 when no answer arrived.
    std::chrono::milliseconds delay{0};  ///< retry_scheduled, rate_limit_wait, pacing_wait: the wait.
    /// The retry policy's retry_decision::reason: for retry_scheduled, and for failed when the
    /// policy ended the call; else empty.
    std::string_view reason{};
};

/// The enumerator's name, e.g. "attempt_started".
std::string_view to_string(call_event::kind k) noexcept;

}  // namespace slack::web
