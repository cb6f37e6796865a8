// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the driver's parts share while the run goes: the mock (on this thread), the replicas, the
// PostgreSQL server, the log's clock and the run's times.
#include "rotation/installations.hpp"
#include "rotation/postgres_server.hpp"
#include "rotation/processes.hpp"
#include "rotation/request_clock.hpp"

#include <slack/mock/server.hpp>
#include <slack/store/installation_store.hpp>

#include <chrono>
#include <cstddef>
#include <vector>

namespace soak::rotation {

struct run_context {
    slack::mock::server& mock;
    replica_set& replicas;
    postgres_server& postgres;
    request_clock& clock;
    slack::store::installation_store& store;  ///< the driver's own connection to the replicas' store
    const std::vector<soak_installation>& installations;
    steady_time started;
    std::chrono::seconds length;  ///< of the run, until the replicas are asked to stop
    std::size_t cycles = 1;       ///< every fault is injected once per cycle

    /// Seconds since the start, for the report.
    double at(steady_time t) const { return std::chrono::duration<double>(t - started).count(); }
    double now() const { return at(std::chrono::steady_clock::now()); }
};

}  // namespace soak::rotation
