// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// When to try a failed call again, and after how long. The decision is a pure function
/// of what happened (attempt_info); the client does the waiting on a cancellable timer.
#include <boost/system/error_code.hpp>

#include <chrono>
#include <functional>
#include <optional>

namespace slack {

/// Everything a policy may look at after a failed attempt.
struct attempt_info {
    unsigned attempt = 1;  ///< Number of the attempt that just failed (1-based).
    /// Why it failed. `client_errc::outcome_unknown` when the attempt may have been processed and
    /// the method is not idempotent (what happened is then in `underlying`): after such an attempt
    /// the client never sends a single-use credential (a code, a refresh token) again, whatever
    /// the policy answers.
    boost::system::error_code error{};
    boost::system::error_code underlying{};  ///< With outcome_unknown: the error behind it.
    unsigned http_status = 0;                ///< HTTP status, 0 when no response arrived.
    bool response_received = false;          ///< A complete HTTP response arrived.
    bool request_written = false;            ///< At least one byte of the request left the client.
    bool idempotent = false;                 ///< The method may safely run twice (a code exchange may not).
    std::optional<std::chrono::milliseconds> retry_after{};  ///< Parsed Retry-After, when usable.
    std::chrono::milliseconds time_left{0};                  ///< Until the call's deadline.
    double random = 0.0;                                     ///< Uniform in [0, 1), from the client's random source.
};

/// What a retry policy answers after a failed attempt.
struct retry_decision {
    bool retry = false;                  ///< Whether to try again.
    std::chrono::milliseconds delay{0};  ///< How long to wait before trying again.
    /// Short, secret-free explanation for logs and hooks, never null. Not copied: the client
    /// keeps the pointer and hands it to client_options::on_event (call_event::reason), so it
    /// must point to a NUL-terminated string that lives at least until the call completes,
    /// such as a string literal or a static. A retry function must not point it into a
    /// temporary or a local (`std::string s = ...; return {..., s.c_str()};` dangles).
    const char* reason = "";
};

/// True when a failed attempt may have been processed by Slack: the request was sent and
/// the answer was lost; or the answer was HTTP 500, 502, 504, 507, 520-527 or 530 (Slack's or a
/// proxy's failure after the request went through); or Slack said part of the operation may
/// have happened (`fatal_error`, `internal_error`).
bool outcome_unknown(const attempt_info& info) noexcept;

/// The SDK's retry policy: rate limits wait for Retry-After (plus jitter), transient failures
/// and unknown outcomes of idempotent calls back off exponentially with full jitter, within
/// max_attempts and the call's time left. Copy one of the presets and adjust its fields.
class retry_policy {
public:
    unsigned max_attempts = 4;                         ///< Including the first.
    std::chrono::milliseconds base_delay{250};         ///< Backoff before the first retry (upper bound; full jitter).
    std::chrono::milliseconds max_delay{4000};         ///< Backoff cap.
    std::chrono::milliseconds max_retry_after{30000};  ///< A longer Retry-After fails at once.
    std::chrono::milliseconds fallback_retry_after{1000};  ///< For a 429 without a usable Retry-After.
    std::chrono::milliseconds rate_limit_jitter{250};      ///< Added on top of Retry-After (0..this), never subtracted.
    bool retry_unknown_outcome = false;  ///< Retry non-idempotent calls whose outcome is unknown. Dangerous for codes.

    /// Never retries.
    static retry_policy none() noexcept;
    /// The client's default: a few quick retries, honours Retry-After up to 30 s.
    static retry_policy standard() noexcept;
    /// For background jobs: more attempts, longer backoff, Retry-After up to 15 minutes.
    static retry_policy patient() noexcept;

    retry_decision decide(
        const attempt_info& info) const noexcept;  ///< This policy's answer for `info`; `reason` says why, in words.
    retry_decision operator()(const attempt_info& info) const noexcept
    {
        return decide(info);
    }  ///< decide(info): a policy is a retry_function.
};

/// What client_options holds: retry_policy, or any callable with this signature.
using retry_function = std::function<retry_decision(const attempt_info&)>;

}  // namespace slack
