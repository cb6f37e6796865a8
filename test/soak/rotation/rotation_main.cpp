// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack_rotation_soak: token rotation under faults, across processes. Runs the mock Slack
// server here, with short-lived rotating tokens, saves the soak's installations into the
// PostgreSQL server scripts/soak started, and starts replicas (slack_rotation_replica) that ask
// for their tokens through token providers sharing that store, while it injects faults
// (faults.hpp). Then it stops the replicas, checks every installation with a provider of its own,
// audits every refresh in the mock's log, and prints a report. scripts/soak --rotation runs it.
#include "rotation/end_checks.hpp"
#include "rotation/faults.hpp"
#include "rotation/final_check.hpp"
#include "rotation/installations.hpp"
#include "rotation/postgres_server.hpp"
#include "rotation/processes.hpp"
#include "rotation/provider_options.hpp"
#include "rotation/refresh_audit.hpp"
#include "rotation/report.hpp"
#include "rotation/request_clock.hpp"
#include "rotation/run_context.hpp"
#include "rotation/settings.hpp"
#include "violations.hpp"
#include "watchdog.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/mock/server.hpp>
#include <slack/store/postgresql_store.hpp>
#include <slack/web/tls.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>

namespace asio = boost::asio;
namespace fs = std::filesystem;
using namespace soak::rotation;

namespace {

constexpr const char* usage =
    "usage: slack_rotation_soak --postgres-dir DIR [--seconds N] [--replicas N] [--askers N] [--max-pause-ms MS]\n"
    "                           [--deadline-s N] [--work-dir DIR]\n"
    "  --postgres-dir DIR  a server started with scripts/postgres start DIR (paused and resumed during the run)\n"
    "  --seconds N         how long the replicas run, at least 40 (default 120); faults come once per 40 s or so\n"
    "  --replicas N        replica processes sharing the store (default 4)\n"
    "  --askers N          coroutines asking for tokens in each replica (default 8)\n"
    "  --max-pause-ms MS   each asker pauses 0 to MS between two asks (default 100)\n"
    "  --deadline-s N      hard limit on the whole run (default --seconds + 90)\n"
    "  --work-dir DIR      where the replicas' output goes, left there (default: a directory of its own in\n"
    "                      /tmp, removed after a run without violations)\n"
    "Exit status: 0 no violation, 1 violations, 2 usage, 3 the deadline passed.\n";

struct options {
    fs::path postgres_dir;
    fs::path work_dir;  // empty: one of its own
    long long seconds = 120;
    std::size_t replicas = 4;
    std::size_t askers = 8;
    long long max_pause_ms = 100;
    long long deadline_s = 0;  // 0: from --seconds
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
        if (arg == "--postgres-dir" || arg == "--work-dir") {
            (arg == "--work-dir" ? o.work_dir : o.postgres_dir) = value;
            continue;
        }
        char* end = nullptr;
        const long long number = std::strtoll(value, &end, 10);
        if (end == value || *end != '\0' || number < 0)
            return std::nullopt;
        if (arg == "--seconds" && number >= 40)
            o.seconds = number;
        else if (arg == "--replicas" && number >= 2 && number <= 16)
            o.replicas = static_cast<std::size_t>(number);
        else if (arg == "--askers" && number >= 1)
            o.askers = static_cast<std::size_t>(number);
        else if (arg == "--max-pause-ms")
            o.max_pause_ms = number;
        else if (arg == "--deadline-s" && number > 0)
            o.deadline_s = number;
        else
            return std::nullopt;
    }
    if (o.postgres_dir.empty())
        return std::nullopt;
    if (o.deadline_s == 0)
        o.deadline_s = o.seconds + 90;
    return o;
}

slack::mock::server_options rotating_mock()
{
    slack::mock::server_options o;
    o.access_token_lifetime = access_token_lifetime;
    o.refresh_grace = refresh_grace;
    o.refresh_delay = refresh_delay;
    // The whole run's requests stay in the log: the audit reads every refresh. A longer run
    // than the log holds is a violation (run_facts::recorded_requests against the bound).
    o.max_recorded_requests = 4'000'000;
    o.max_recorded_bytes = std::size_t{1} << 30;
    o.max_token_bytes = std::size_t{64} << 20;
    return o;
}

// An installation's first pair: minted by the mock now, stored as expiring `early` before the
// mock's expiry, so that the installations' rotations are spread over the rotation period.
slack::store::installation first_install(slack::mock::server& mock, const soak_installation& planned, std::size_t index,
                                         std::chrono::milliseconds early)
{
    const slack::mock::minted_tokens minted = mock.mint_tokens();
    slack::store::installation i;
    i.app_id = mock.options().app_id;
    i.enterprise_id = planned.enterprise_id;
    i.team_id = planned.team_id;
    i.is_enterprise_install = planned.org_wide;
    i.installed_at = std::chrono::system_clock::now();
    i.bot = slack::store::token_grant{
        .token = minted.access_token,
        .refresh_token = planned.rate_limited ? rate_limited_refresh_token(index) : minted.refresh_token,
        .expires_at = std::chrono::system_clock::now() + access_token_lifetime - early,
        .scopes = "chat:write",
        .bot_id = {},
        .user_id = "U0SOAKBOT",
        .revision = 0,
        .reinstall_reason = {}};
    return i;
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d)
{
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

struct driver {
    const options& o;
    slack::mock::server& mock;
    postgres_server& postgres;
    replica_set& replicas;
    std::shared_ptr<asio::ssl::context> tls;
    soak::violations& found;

    std::vector<soak_installation> installations = make_installations();
    request_clock clock{};
    fault_log faults{};
    std::vector<installation_outcome> ends{};
    run_facts facts{};
    bool ticking = true;

    asio::awaitable<void> save_installations(slack::store::installation_store& store)
    {
        const auto spread = access_token_lifetime - refresh_margin - std::chrono::seconds(1);
        for (std::size_t n = 0; n < installations.size(); ++n) {
            const auto early = std::chrono::duration_cast<std::chrono::milliseconds>(spread * n / installations.size());
            const slack::store::installation i = first_install(mock, installations[n], n, early);
            auto saved = co_await store.save(i, asio::use_awaitable);
            if (!saved)
                throw std::runtime_error("cannot save the installations: " + saved.error().message());
        }
    }

    // Reaps replicas and times the mock's log while the run goes.
    asio::awaitable<void> tick()
    {
        while (ticking) {
            replicas.reap();
            clock.sample(std::chrono::steady_clock::now(), mock.memory().recorded_requests);
            co_await sleep_for(std::chrono::milliseconds(10));
        }
    }

    // SIGTERM to every replica; one that has not ended within the stop limit is hung: killed.
    asio::awaitable<void> stop_replicas()
    {
        for (replica_process& r : replicas.all())
            replicas.terminate(r);
        const auto give_up = std::chrono::steady_clock::now() + replica_stop_limit + std::chrono::seconds(5);
        while (!replicas.all_ended() && std::chrono::steady_clock::now() < give_up)
            co_await sleep_for(std::chrono::milliseconds(20));
        for (replica_process& r : replicas.all())
            if (!r.ended()) {
                found.add(r.name + " hung: still running " + std::to_string(replica_stop_limit.count() + 5) +
                          " s after SIGTERM");
                replicas.kill(r);
            }
        while (!replicas.all_ended())
            co_await sleep_for(std::chrono::milliseconds(20));
    }

    asio::awaitable<void> check_every_installation(slack::store::installation_store& store)
    {
        // Named first: a braced client_options (strings) inside a co_await expression is what g++ 12 miscompiles.
        const auto executor = co_await asio::this_coro::executor;
        slack::web::client client(executor, tls, {.api_url = mock.api_url()});
        slack::install::token_provider tokens(client, store,
                                              provider_options(mock.options().client_id, mock.options().client_secret));
        ends = co_await check_installations(client, store, tokens, installations);
    }

    asio::awaitable<void> run()
    {
        const auto began = std::chrono::steady_clock::now();
        slack::store::postgresql_options database;
        database.connection = postgres.connection();
        const auto executor = co_await asio::this_coro::executor;
        slack::store::postgresql_store store(executor, database);
        co_await save_installations(store);
        for (std::size_t n = 1; n <= o.replicas; ++n)
            replicas.spawn("replica-" + std::to_string(n));
        const auto started = std::chrono::steady_clock::now();
        facts.setup_s = std::chrono::duration<double>(started - began).count();
        asio::co_spawn(executor, tick(), asio::detached);

        run_context context{.mock = mock,
                            .replicas = replicas,
                            .postgres = postgres,
                            .clock = clock,
                            .store = store,
                            .installations = installations,
                            .started = started,
                            .length = std::chrono::seconds(o.seconds),
                            .cycles = facts.cycles};
        co_await inject_faults(context, faults);
        const auto stopping = std::chrono::steady_clock::now();
        facts.run_s = std::chrono::duration<double>(stopping - started).count();
        co_await stop_replicas();
        const auto checking = std::chrono::steady_clock::now();
        facts.stop_s = std::chrono::duration<double>(checking - stopping).count();
        ticking = false;
        co_await check_every_installation(store);
        facts.final_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - checking).count();
        mock.stop();
    }
};

int run(const options& o)
{
    const fs::path work = o.work_dir.empty()
                              ? fs::temp_directory_path() / ("slack-rotation-soak-" + std::to_string(::getpid()))
                              : o.work_dir;
    fs::create_directories(work);
    postgres_server postgres(fs::path(SLACK_SOURCE_DIR) / "scripts" / "postgres", o.postgres_dir);

    asio::io_context io(1);
    slack::mock::server mock(io.get_executor(), rotating_mock());
    mock.start();
    mock.write_ca_file((work / "ca.pem").string());
    ::setenv("SLACK_CLIENT_ID", mock.options().client_id.c_str(), 1);
    ::setenv("SLACK_CLIENT_SECRET", mock.options().client_secret.c_str(), 1);
    auto tls = std::make_shared<asio::ssl::context>(slack::web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));

    replica_set replicas(
        work, ROTATION_REPLICA_PATH,
        {"--api-url", mock.api_url(), "--ca-file", (work / "ca.pem").string(), "--postgres", postgres.connection(),
         "--parent", std::to_string(::getpid()), "--seconds", std::to_string(o.seconds + 30), "--askers",
         std::to_string(o.askers), "--max-pause-ms", std::to_string(o.max_pause_ms)});
    soak::violations found;
    driver d{.o = o, .mock = mock, .postgres = postgres, .replicas = replicas, .tls = tls, .found = found};
    d.facts = {.seconds = o.seconds,
               .cycles = static_cast<std::size_t>(std::max(1LL, o.seconds / 40)),
               .replicas = o.replicas,
               .askers = o.askers,
               .max_pause_ms = o.max_pause_ms};
    soak::watchdog deadline(std::chrono::seconds(o.deadline_s), [&replicas, &o] {
        replicas.kill_all_from_any_thread();
        std::fprintf(stderr, "rotation soak: VIOLATION: the run passed its deadline of %lld s (replicas killed)\n",
                     o.deadline_s);
    });

    std::exception_ptr failure;
    asio::co_spawn(io, d.run(), [&](std::exception_ptr e) {
        failure = e;
        io.stop();
    });
    io.run();
    deadline.disarm();
    if (failure)
        std::rethrow_exception(failure);

    const std::vector<slack::mock::recorded_request> log = mock.requests();
    d.facts.recorded_requests = log.size();
    if (log.size() >= rotating_mock().max_recorded_requests ||
        mock.memory().recorded_bytes > rotating_mock().max_recorded_bytes * 9 / 10)
        found.add("the mock's log filled up: the audit may have missed refreshes (shorten --seconds)");
    std::vector<kill_window> kills;
    for (const kill_record& k : d.faults.kills)
        kills.push_back(k.window);
    const refresh_audit audit = audit_refreshes(log, kills, found);
    const replica_totals totals = check_replicas(replicas.all(), d.ends, found);
    check_installation_ends(d.installations, d.ends, audit, totals, found);
    check_double_loss_targets(d.faults.double_loss_targets, d.ends, found);
    print_report(d.facts, d.faults, audit, totals, d.ends, found);
    std::error_code ignored;
    if (found.count() == 0 && o.work_dir.empty())
        fs::remove_all(work, ignored);
    else if (found.count() != 0)
        std::printf("the replicas' output is in %s\n", work.string().c_str());
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
        std::fprintf(stderr, "rotation soak: VIOLATION: %s\n", e.what());
        return 1;
    }
}
