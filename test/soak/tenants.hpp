// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The many-tenant phase: auth.test calls of 100 workspaces through ONE client, some workspaces
// rate-limited (a 3 s window each), some calls with malformed tokens. Checks that every answer
// is its caller's (the user id its workspace's token belongs to), that no workspace waits for
// another's window, and that a malformed token is refused without a request.
#include "violations.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace soak {

struct tenant_summary {
    std::size_t calls = 0;
    std::size_t clean = 0;      ///< calls of workspaces never rate-limited
    std::size_t limited = 0;    ///< calls of rate-limited workspaces
    std::size_t malformed = 0;  ///< calls with a token holding a control byte or space
    std::chrono::milliseconds slowest_clean{0};
    std::chrono::milliseconds slowest_limited{0};
    std::chrono::steady_clock::duration elapsed{};
};

/// Runs `calls` tenant calls, `in_flight` at a time on `connections`, on a mock and client of its
/// own (one io_context, one thread); adds what it finds to `found`.
tenant_summary run_tenant_phase(std::size_t calls, std::size_t in_flight, std::size_t connections, std::uint64_t seed,
                                violations& found);

}  // namespace soak
