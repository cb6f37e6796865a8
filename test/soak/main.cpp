// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack_soak: many calls through ONE slack::web::client against the in-process mock Slack
// server, with injected faults; checks every promise the client makes about them.
// scripts/soak builds and runs it; see its --help.
#include "checks.hpp"
#include "driver.hpp"
#include "mock_access.hpp"
#include "plan.hpp"
#include "process_usage.hpp"
#include "report.hpp"
#include "tenants.hpp"
#include "watchdog.hpp"

#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>

#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <random>
#include <string>
#include <thread>

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

constexpr const char* usage =
    "usage: slack_soak [--calls N] [--in-flight N] [--connections N] [--layout split|shared] [--seed N]\n"
    "                  [--tenant-calls N] [--deadline-s N]\n"
    "  --calls N        calls through one client (default 100000)\n"
    "  --in-flight N    calls kept in flight (default 32)\n"
    "  --connections N  client_options::max_connections, below --in-flight so calls queue (default 8)\n"
    "  --layout L       split: the mock on its own io_context and thread (default); shared: one io_context\n"
    "  --seed N         the fault mix and the client's jitter (default 1)\n"
    "  --tenant-calls N then auth.test calls of 100 workspaces on one client, some rate-limited, some\n"
    "                   with malformed tokens (default: a tenth of --calls, at least 200)\n"
    "  --deadline-s N   hard limit on the whole run (default 30 + 1.5 s per 1000 calls)\n"
    "Exit status: 0 no violation, 1 violations, 2 usage, 3 the deadline passed.\n";

struct options {
    std::size_t calls = 100000;
    std::size_t in_flight = 32;
    std::size_t connections = 8;
    std::string layout = "split";
    std::uint64_t seed = 1;
    std::size_t deadline_s = 0;               // 0: from --calls
    std::optional<std::size_t> tenant_calls;  // empty: from --calls
};

std::optional<options> parse(int argc, char** argv)
{
    options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(usage, stdout);
            std::exit(0);
        }
        if (i + 1 >= argc)
            return std::nullopt;
        const char* value = argv[++i];
        char* end = nullptr;
        const unsigned long long number = std::strtoull(value, &end, 10);
        const bool numeric = end != value && *end == '\0';
        if (arg == "--layout" && (std::strcmp(value, "split") == 0 || std::strcmp(value, "shared") == 0))
            o.layout = value;
        else if (!numeric)
            return std::nullopt;
        else if (arg == "--calls")
            o.calls = number;
        else if (arg == "--in-flight" && number > 0)
            o.in_flight = number;
        else if (arg == "--connections" && number > 0)
            o.connections = number;
        else if (arg == "--seed")
            o.seed = number;
        else if (arg == "--tenant-calls")
            o.tenant_calls = number;
        else if (arg == "--deadline-s" && number > 0)
            o.deadline_s = number;
        else
            return std::nullopt;
    }
    if (!o.tenant_calls)
        o.tenant_calls = std::max<std::size_t>(200, o.calls / 10);
    if (o.deadline_s == 0)
        o.deadline_s = 30 + o.calls * 3 / 2000 + *o.tenant_calls / 100;
    return o;
}

// standard()'s rules with millisecond backoff: the scripted faults pass at once, and the run
// must stay short.
slack::retry_policy quick_policy()
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.base_delay = 2ms;
    policy.max_delay = 10ms;
    policy.rate_limit_jitter = 2ms;
    return policy;
}

// The mock's bounds, small enough to be reached before warm-up ends: its memory is then flat,
// and RSS growth after warm-up is the client's. Live codes are the ones in flight (codes are
// minted just in time); counts are read within milliseconds of the last request; no log.
slack::mock::server_options bounded_mock()
{
    slack::mock::server_options options;
    options.max_recorded_requests = 0;
    options.max_recorded_bytes = 1u << 20;
    options.max_code_bytes = 1u << 20;
    return options;
}

int run(const options& o)
{
    const std::size_t rss_at_start = soak::resident_bytes();
    const soak::plan planned = soak::make_plan(o.calls, o.seed);
    const std::size_t warm_up_calls = std::max<std::size_t>(1, o.calls / 10);

    asio::io_context client_context(1);
    std::optional<asio::io_context> mock_context;
    if (o.layout == "split")
        mock_context.emplace(1);
    slack::mock::server mock(mock_context ? mock_context->get_executor() : client_context.get_executor(),
                             bounded_mock());
    mock.start();
    soak::mock_access on_mock(mock, mock_context ? mock_context->get_executor() : client_context.get_executor(),
                              client_context.get_executor());

    soak::event_counts events;
    slack::web::client_options client_options;
    client_options.api_url = mock.api_url();
    client_options.max_connections = o.connections;
    client_options.retry = quick_policy();
    client_options.random = [generator = std::mt19937_64(o.seed + 1)]() mutable {
        return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
    };
    client_options.on_event = [&events](const slack::web::call_event& e) { events.count(e); };
    asio::ssl::context tls = slack::web::make_tls_context();
    tls.add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));
    slack::web::client client(client_context.get_executor(), std::move(tls), client_options);

    soak::violations found;
    // While minted codes are on their way from the mock's thread, the client may have no work.
    auto client_busy = asio::make_work_guard(client_context);
    const auto end_run = [&] {
        client_busy.reset();
        if (mock_context)
            asio::post(*mock_context, [&mock] { mock.stop(); });
        else
            mock.stop();
    };
    soak::driver driver(client, on_mock, planned,
                        {.in_flight = o.in_flight,
                         .max_connections = o.connections,
                         .warm_up_calls = warm_up_calls,
                         .client_id = mock.options().client_id,
                         .client_secret = mock.options().client_secret},
                        found, end_run);
    soak::watchdog deadline(std::chrono::seconds(o.deadline_s), driver.completed(), o.calls);

    std::thread mock_thread;
    if (mock_context)
        mock_thread = std::thread([&] { mock_context->run(); });
    const auto join_mock = [&] {
        if (mock_thread.joinable()) {
            end_run();  // again, should the client's context have ended before the driver
            mock_thread.join();
        }
    };
    asio::post(client_context, [&driver] { driver.start(); });
    try {
        client_context.run();
    } catch (...) {
        join_mock();
        throw;
    }
    join_mock();
    deadline.disarm();

    const soak::run_record& run = driver.record();
    soak::check_completions(run, found);
    const soak::exchange_summary exchanges = soak::check_exchanges(planned, run, found);
    const soak::rate_limit_summary limits = soak::check_events(planned, run, events, o.connections, found);
    soak::check_pool(run, o.connections, found);
    const std::size_t rss_limit = soak::memory_limit(run, 0.20, 5u << 20);
#ifndef __SANITIZE_ADDRESS__  // AddressSanitizer holds freed memory in quarantine: RSS grows by design
    soak::check_memory(run, rss_limit, found);
#else
    std::puts("soak: AddressSanitizer build: RSS printed, not checked");
#endif
    const std::size_t sockets_at_end = soak::open_sockets();
    if (sockets_at_end != 0)
        found.add(std::to_string(sockets_at_end) + " sockets still open after close_idle() and the mock's stop");

    // Many workspaces on one client, on a mock and client of their own.
    const soak::tenant_summary tenants =
        soak::run_tenant_phase(*o.tenant_calls, o.in_flight, o.connections, o.seed, found);
    std::printf(
        "tenants: %zu calls of 100 workspaces in %.1f s: %zu clean (slowest %lld ms), %zu of rate-limited "
        "workspaces (slowest %lld ms), %zu malformed tokens refused unsent\n",
        tenants.calls, std::chrono::duration<double>(tenants.elapsed).count(), tenants.clean,
        static_cast<long long>(tenants.slowest_clean.count()), tenants.limited,
        static_cast<long long>(tenants.slowest_limited.count()), tenants.malformed);

    soak::print_report({.calls = o.calls,
                        .in_flight = o.in_flight,
                        .max_connections = o.connections,
                        .layout = o.layout == "split" ? "split (mock on its own thread)" : "shared (one io_context)",
                        .seed = o.seed,
                        .deadline_s = o.deadline_s,
                        .warm_up_calls = warm_up_calls,
                        .rss_at_start = rss_at_start,
                        .rss_limit = rss_limit,
                        .mock_memory = mock.memory(),
                        .sockets_at_end = sockets_at_end},
                       planned, run, events, limits, exchanges, found);
    return found.count() == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::optional<options> o = parse(argc, argv);
    if (!o) {
        std::fputs(usage, stderr);
        return 2;
    }
    try {
        return run(*o);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "soak: VIOLATION: exception: %s\n", e.what());
        return 1;
    }
}
