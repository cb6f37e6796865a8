// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One load scenario: an operation, a client kind, a connection mode and a number of calls in flight,
// run for a fixed time in a process of its own (so CPU, allocations and RSS are the client's).
#include "operation.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bench {

using clock = std::chrono::steady_clock;

enum class connection_mode { keep_alive, new_connection, resumption };
const char* to_string(connection_mode mode);

struct target {
    std::string host = "127.0.0.1";
    unsigned short port = 0;
    std::string ca_pem;
    std::string client_id;
    std::string client_secret;
    std::string code = "mock-reusable";   // the mock answers it every time
    std::string token = "mock-reusable";  // a bearer token valid forever at the mock
};

struct scenario {
    std::string client;  // "sdk", "baseline"
    operation op = operation::oauth_access;
    connection_mode mode = connection_mode::keep_alive;
    unsigned in_flight = 1;
    std::chrono::milliseconds duration{1500};
    std::string limiter = "none";  // the SDK's: none, local or a redis:// URL (limiter_choice.hpp)
    // The SDK's client.call() names the workspace (call_params::rate_key), as a shared limiter
    // needs: without it a limiter paces by the token's fingerprint, in the process alone.
    bool rate_keyed = false;
};

/// What a client worker does: records the latency of each call it completes.
struct worker_context {
    const target& where;
    const scenario& what;
    clock::time_point measure_from;  // calls that start earlier are warm-up
    clock::time_point stop_at;
    std::vector<double>& latencies_us;  // one per completed call
    unsigned long long& failures;
    unsigned workers_left = 0;  // each worker counts itself out when its loop ends
};

struct measurement {
    unsigned long long calls = 0;
    unsigned long long failures = 0;
    double seconds = 0;
    double p50_us = 0, p99_us = 0, max_us = 0;
    double cpu_us_per_call = 0;
    double allocations_per_call = 0;
    long peak_rss_kb = 0;
};

/// Runs `spawn_workers` on a fresh io_context in a forked child process and measures it there.
/// A client's workers: started on `ioc`, kept alive by the returned handle until it stops.
using spawn_function = std::function<std::shared_ptr<void>(boost::asio::io_context&, worker_context&)>;

measurement run_in_child(const target& where, const scenario& what, const spawn_function& spawn_workers);

// The two clients under test.
std::shared_ptr<void> spawn_sdk_workers(boost::asio::io_context& ioc, worker_context& context);
std::shared_ptr<void> spawn_baseline_workers(boost::asio::io_context& ioc, worker_context& context);

}  // namespace bench
