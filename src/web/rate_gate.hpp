// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A rate-limit gate: no request of one method for one workspace (or token, or app) before
// `open_at`. Slack limits per app, per workspace and per method, so one tenant's 429 closes its
// own gate only. Calls share a gate through a shared_ptr: it lives as long as a call refers to it.
#include "web/transport.hpp"

#include <string>

namespace slack::web::detail {

struct rate_gate {
    clock::time_point open_at{};
    // The limiter's workspace for the gate's calls without a rate key (client_impl::
    // limiter_subject), made by the first of them: one digest per token, not one per call.
    std::string limiter_subject{};
};

}  // namespace slack::web::detail
