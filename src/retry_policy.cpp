// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/condition.hpp>
#include <slack/retry_policy.hpp>

#include <algorithm>

namespace slack {

using std::chrono::milliseconds;

namespace {

// A failure status said after the request was written, by Slack or by a proxy or CDN in front of
// it, that does not say the request was left alone: 500 internal error, 502 bad gateway, 504
// gateway timeout, 507 insufficient storage (a write may have half happened), and Cloudflare's
// 52x (520 unknown, 521 down, 522-524 timeouts, 525-527 TLS to the origin) and 530, which some
// proxies give once the origin has had the request. 503 says "not run" and is transient.
bool possibly_processed_status(unsigned status) noexcept
{
    return status == 500 || status == 502 || status == 504 || status == 507 || (status >= 520 && status <= 527) ||
           status == 530;
}

}  // namespace

bool outcome_unknown(const attempt_info& info) noexcept
{
    if (info.error == condition::outcome_unknown)
        return true;  // fatal_error, internal_error: Slack says part of it may have happened
    if (info.response_received)
        return possibly_processed_status(info.http_status);
    return info.request_written;  // sent, but the answer was lost
}

retry_policy retry_policy::none() noexcept
{
    retry_policy p;
    p.max_attempts = 1;
    return p;
}

retry_policy retry_policy::standard() noexcept { return retry_policy{}; }

retry_policy retry_policy::patient() noexcept
{
    retry_policy p;
    p.max_attempts = 10;
    p.base_delay = milliseconds(1000);
    p.max_delay = milliseconds(60000);
    p.max_retry_after = milliseconds(15 * 60 * 1000);
    p.fallback_retry_after = milliseconds(5000);
    p.rate_limit_jitter = milliseconds(1000);
    return p;
}

retry_decision retry_policy::decide(const attempt_info& info) const noexcept
{
    if (info.attempt >= max_attempts)
        return {false, milliseconds(0), "attempts exhausted"};

    const bool rate_limited = info.error == condition::rate_limited || info.http_status == 429;
    if (rate_limited) {
        const milliseconds wait = info.retry_after.value_or(fallback_retry_after);
        if (wait > max_retry_after)
            return {false, milliseconds(0), "Retry-After exceeds the policy's cap"};
        const auto jitter = milliseconds(static_cast<milliseconds::rep>(info.random * rate_limit_jitter.count()));
        if (wait + jitter > info.time_left)
            return {false, milliseconds(0), "Retry-After exceeds the time left"};
        return {true, wait + jitter, info.retry_after ? "rate limited" : "rate limited, no usable Retry-After"};
    }

    const bool unknown = outcome_unknown(info);
    if (unknown && !info.idempotent && !retry_unknown_outcome)
        return {false, milliseconds(0), "outcome unknown; not idempotent"};
    const bool transient = info.error == condition::transient || info.http_status == 503;
    if (!unknown && !transient)
        return {false, milliseconds(0), "not retryable"};

    // Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))].
    // base * 2^(attempt-1), capped at max_delay without overflowing.
    const unsigned shift = std::min(info.attempt - 1, 30u);
    const milliseconds ceiling =
        base_delay.count() > (max_delay.count() >> shift) ? max_delay : milliseconds(base_delay.count() << shift);
    const auto delay = milliseconds(static_cast<milliseconds::rep>(info.random * ceiling.count()));
    if (delay >= info.time_left)
        return {false, milliseconds(0), "backoff exceeds the time left"};
    return {true, delay, unknown ? "outcome unknown; retrying as configured" : "transient failure"};
}

}  // namespace slack
