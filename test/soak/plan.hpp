// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What each soak call does: its fault kind, the code it sends and, for cancelled calls, when
// the cancellation comes. Decided up front from a seed, so a failing run can be replayed.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace soak {

enum class fault : std::uint8_t {
    minted,       ///< a code from server::mint_code(): plain success
    reusable,     ///< mock-reusable: success
    delay,        ///< mock-delay-MS: a slow answer
    ratelimit,    ///< mock-ratelimit-1-0: one 429 with Retry-After 0 (no method-wide window)
    status_503,   ///< mock-status-503-1: one HTML 503, then success
    unavailable,  ///< mock-unavailable-1: one service_unavailable, then success
    close,        ///< mock-close: the code is spent and the answer lost
    cancel,       ///< mock-delay-MS, cancelled (terminal) at a random moment
    window,       ///< mock-ratelimit-1-1: a 429 whose 1 s window blocks the whole method
};
inline constexpr std::size_t fault_count = 9;

std::string_view to_string(fault f) noexcept;

struct planned_call {
    fault kind = fault::minted;
    std::uint8_t delay_ms = 0;                  ///< delay and cancel: how long the mock waits
    std::chrono::microseconds cancel_after{0};  ///< cancel: from the start of the call
};

struct plan {
    std::vector<planned_call> calls;
    std::size_t count(fault f) const;
};

/// The mix: mostly plain successes, a few percent of each fault, and a handful of method-wide
/// rate-limit windows (each stalls every call for a second, so one per 25,000 calls).
plan make_plan(std::size_t calls, std::uint64_t seed);

/// The magic code call `id` sends, unique per call: the id is its tag. Minted calls get theirs
/// from the mock just before they start, as a real redirect would hand it over.
void magic_code_for(const planned_call& call, std::size_t id, std::string& out);

}  // namespace soak
