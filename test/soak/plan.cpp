// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "plan.hpp"

#include <algorithm>
#include <array>
#include <random>

namespace soak {

std::string_view to_string(fault f) noexcept
{
    switch (f) {
    case fault::minted: return "minted";
    case fault::reusable: return "reusable";
    case fault::delay: return "delay";
    case fault::ratelimit: return "ratelimit-0s";
    case fault::status_503: return "status-503";
    case fault::unavailable: return "unavailable";
    case fault::close: return "close";
    case fault::cancel: return "cancel";
    case fault::window: return "ratelimit-1s";
    }
    return "?";
}

std::size_t plan::count(fault f) const
{
    return static_cast<std::size_t>(
        std::count_if(calls.begin(), calls.end(), [f](const planned_call& c) { return c.kind == f; }));
}

plan make_plan(std::size_t calls, std::uint64_t seed)
{
    // Percent of calls per kind, windows aside.
    constexpr std::array<std::pair<fault, unsigned>, 8> mix{{{fault::minted, 50},
                                                             {fault::reusable, 10},
                                                             {fault::delay, 10},
                                                             {fault::ratelimit, 5},
                                                             {fault::status_503, 5},
                                                             {fault::unavailable, 5},
                                                             {fault::close, 5},
                                                             {fault::cancel, 10}}};
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<unsigned> percent(0, 99);
    plan p;
    p.calls.resize(calls);
    for (planned_call& call : p.calls) {
        unsigned roll = percent(random);
        for (const auto& [kind, share] : mix) {
            if (roll < share) {
                call.kind = kind;
                break;
            }
            roll -= share;
        }
        if (call.kind == fault::delay)
            call.delay_ms = static_cast<std::uint8_t>(std::uniform_int_distribution<unsigned>(1, 10)(random));
        if (call.kind == fault::cancel) {
            // With 32 calls in flight on 8 connections a call queues for ~10 ms: the moment lands
            // in the queue, the connect, the write or the slow read, now and then after the answer.
            call.delay_ms = static_cast<std::uint8_t>(std::uniform_int_distribution<unsigned>(5, 20)(random));
            call.cancel_after = std::chrono::microseconds(std::uniform_int_distribution<unsigned>(0, 20000)(random));
        }
    }
    // Windows away from the start, where the exchange sample is taken.
    const std::size_t windows = calls < 100 ? 0 : std::max<std::size_t>(1, calls / 25000);
    for (std::size_t w = 0; w < windows; ++w)
        p.calls[(2 * w + 1) * calls / (2 * windows)].kind = fault::window;
    return p;
}

void magic_code_for(const planned_call& call, std::size_t id, std::string& out)
{
    switch (call.kind) {
    case fault::reusable: out = "mock-reusable"; break;
    case fault::delay:
    case fault::cancel: out = "mock-delay-" + std::to_string(call.delay_ms); break;
    case fault::ratelimit: out = "mock-ratelimit-1-0"; break;
    case fault::status_503: out = "mock-status-503-1"; break;
    case fault::unavailable: out = "mock-unavailable-1"; break;
    case fault::close: out = "mock-close"; break;
    case fault::window: out = "mock-ratelimit-1-1"; break;
    case fault::minted: out.clear(); return;  // not magic: the mock mints it
    }
    out += "-s";  // the tag: words after the ones a behaviour uses are ignored
    out += std::to_string(id);
}

}  // namespace soak
