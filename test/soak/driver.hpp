// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Drives the planned calls through one client, keeping a fixed number in flight, cancelling
// the calls planned for it, and recording how each one ended and how many requests with its
// code the mock saw. Runs on the client's thread.
#include "mock_access.hpp"
#include "outcome.hpp"
#include "plan.hpp"
#include "violations.hpp"

#include <slack/web/call_event.hpp>
#include <slack/web/client.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace soak {

struct call_record {
    std::int64_t started_us = -1;  ///< since the run started
    std::int64_t finished_us = -1;
    std::uint8_t completions = 0;
    std::uint8_t attempts = 0;  ///< diagnostics::attempts
    outcome result = outcome::unexpected;
};

/// What client_options::on_event reported, for all calls together.
struct event_counts {
    std::size_t attempts_started = 0;
    std::size_t retries_scheduled = 0;
    std::size_t rate_limit_waits = 0;
    std::size_t budget_refusals = 0;  ///< `failed` because the retry budget was empty
    std::size_t answers_429 = 0;      ///< attempts answered with HTTP 429
    void count(const slack::web::call_event& e);
};

struct pool_watch {
    std::size_t samples = 0;
    std::size_t max_open = 0;
    std::size_t max_queued = 0;
    slack::web::pool_stats at_end{};  ///< after the last call, before close_idle()
    std::size_t open_after_close_idle = 0;
};

struct driver_config {
    std::size_t in_flight = 32;
    std::size_t max_connections = 8;
    std::size_t warm_up_calls = 0;  ///< RSS is taken when this many calls have completed
    std::string client_id, client_secret;
};

struct run_record {
    std::vector<call_record> calls;
    /// server::exchanges(code) per call, read where the mock runs once the call completed
    /// (written there only; read after the mock's thread is joined).
    std::vector<std::uint8_t> exchanges;
    pool_watch pool;
    std::size_t rss_after_warm_up = 0;
    std::size_t rss_at_end = 0;
    std::chrono::steady_clock::duration elapsed{};
    double cpu_seconds = 0;  ///< user + system time of the process during the run (a shared machine skews elapsed)
    std::size_t cancellations_emitted = 0;
};

class driver {
public:
    driver(slack::web::client& client, mock_access& mock, const plan& planned, driver_config config, violations& found,
           std::function<void()> on_finished);
    ~driver();
    driver(const driver&) = delete;
    driver& operator=(const driver&) = delete;

    /// Starts the first calls; call it on the client's thread. on_finished runs there at the end.
    void start();

    const run_record& record() const noexcept { return record_; }
    const std::atomic<std::size_t>& completed() const noexcept { return completed_; }

private:
    struct slot;
    void start_next(slot& s);
    void send(slot& s, std::size_t id);
    void complete(slot& s, std::size_t id, boost::system::result<slack::web::access_response> r);
    void count_exchanges(const slot& s, std::size_t id);
    void finish_if_done();
    void watch_pool();
    std::int64_t now_us() const;

    slack::web::client& client_;
    mock_access& mock_;
    const plan& plan_;
    driver_config config_;
    violations& found_;
    std::function<void()> on_finished_;
    std::vector<std::unique_ptr<slot>> slots_;
    std::size_t next_call_ = 0;
    std::atomic<std::size_t> completed_{0};  // read by the watchdog
    bool finished_ = false;
    std::chrono::steady_clock::time_point started_at_{};
    double cpu_at_start_ = 0;
    run_record record_;
};

}  // namespace soak
