// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack_rotation_replica: one replica of an app in the rotation soak (slack_rotation_soak starts
// four). Its token provider shares the PostgreSQL store with the other replicas; its askers ask
// for tokens of the soak's installations and check each with auth.test, until SIGTERM (or
// --seconds). Then it waits, within settings' replica_stop_limit, for its askers and for the pairs
// it could not write yet, prints its summary on stdout (replica_summary.hpp: counts, never a
// token) and exits: 0, or 1 if pairs were still unwritten, 2 on bad usage, 3 past its deadline.
// On stderr, "refresh+" and "refresh-" lines as each refresh call starts and ends: the driver
// kills a replica while a refresh of its own is in flight.
//   slack_rotation_replica --api-url URL --ca-file PEM --postgres CONNINFO --parent PID --seconds N
//                          [--askers N] [--max-pause-ms MS] [--seed N]
// Client credentials from SLACK_CLIENT_ID / SLACK_CLIENT_SECRET.
#include "rotation/askers.hpp"
#include "rotation/installations.hpp"
#include "rotation/provider_options.hpp"
#include "rotation/replica_summary.hpp"
#include "rotation/settings.hpp"
#include "watchdog.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/store/postgresql_store.hpp>
#include <slack/web/tls.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace asio = boost::asio;
using namespace soak::rotation;

namespace {

struct replica_options {
    std::string api_url, ca_file, postgres;
    long parent = 0;
    std::chrono::seconds run_for{0};
    asker_options askers{};
};

std::optional<replica_options> parse(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    if (argc % 2 == 0 || !args.count("--api-url") || !args.count("--ca-file") || !args.count("--postgres") ||
        !args.count("--parent") || !args.count("--seconds"))
        return std::nullopt;
    replica_options o{.api_url = args["--api-url"], .ca_file = args["--ca-file"], .postgres = args["--postgres"]};
    o.parent = std::atol(args["--parent"].c_str());
    o.run_for = std::chrono::seconds(std::atol(args["--seconds"].c_str()));
    if (args.count("--askers"))
        o.askers.askers = std::strtoul(args["--askers"].c_str(), nullptr, 10);
    if (args.count("--max-pause-ms"))
        o.askers.max_pause = std::chrono::milliseconds(std::atol(args["--max-pause-ms"].c_str()));
    if (args.count("--seed"))
        o.askers.seed = std::strtoull(args["--seed"].c_str(), nullptr, 10);
    if (o.parent <= 0 || o.run_for.count() <= 0 || o.askers.askers == 0 || o.askers.max_pause.count() < 0)
        return std::nullopt;
    return o;
}

// "refresh+" / "refresh-" on stderr around each oauth.v2.access call (refreshes are its only use here).
void tell_refresh_progress(const slack::web::call_event& e)
{
    if (e.method != "oauth.v2.access")
        return;
    if (e.what == slack::web::call_event::kind::attempt_started && e.attempt == 1) [[maybe_unused]]
        auto written = ::write(2, "refresh+\n", 9);
    else if (e.what == slack::web::call_event::kind::succeeded || e.what == slack::web::call_event::kind::failed)
        [[maybe_unused]]
        auto written = ::write(2, "refresh-\n", 9);
}

std::map<std::string, std::size_t> named(const slack::install::token_provider_stats& s)
{
    return {{"refreshes", s.refreshes},
            {"resends", s.resends},
            {"write_retries", s.write_retries},
            {"pending_writes", s.pending_writes},
            {"lease_waits", s.lease_waits},
            {"lost_swaps", s.lost_swaps},
            {"marked_for_reinstall", s.marked_for_reinstall},
            {"store_reads", s.store_reads},
            {"served_from_memory", s.served_from_memory}};
}

int run(const replica_options& o, const char* client_id, const char* client_secret)
{
    // Ends with the driver, however the driver ends.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != o.parent)
        return 2;
    soak::watchdog deadline(o.run_for + replica_stop_limit + std::chrono::seconds(10),
                            [] { std::fputs("replica: VIOLATION: hung past its deadline\n", stderr); });

    asio::io_context io(1);
    auto tls = std::make_shared<asio::ssl::context>(slack::web::make_tls_context());
    tls->load_verify_file(o.ca_file);
    slack::web::client client(
        io.get_executor(), tls,
        {.api_url = o.api_url, .timeout = call_timeout, .max_connections = 8, .on_event = tell_refresh_progress});
    slack::store::postgresql_options database;
    database.connection = o.postgres;
    slack::store::postgresql_store store(io.get_executor(), database);
    replica_summary tally;
    slack::install::token_provider_options provider = provider_options(client_id, client_secret);
    provider.on_event = [&tally](const slack::install::token_event& e) {
        ++tally.events[std::string(to_string(e.what))];
    };
    slack::install::token_provider tokens(client, store, std::move(provider));
    const std::vector<soak_installation> installations = make_installations();
    askers load(client, tokens, installations, o.askers, tally);
    load.start(io.get_executor());

    std::optional<std::chrono::steady_clock::time_point> stop_requested;
    asio::signal_set signals(io, SIGTERM, SIGINT);
    asio::steady_timer end_of_run(io, o.run_for);
    const auto stop = [&] {
        if (stop_requested)
            return;
        stop_requested = std::chrono::steady_clock::now();
        load.stop();
        signals.cancel();
        end_of_run.cancel();
    };
    signals.async_wait([&](boost::system::error_code ec, int) {
        if (!ec)
            stop();
    });
    end_of_run.async_wait([&](boost::system::error_code ec) {
        if (!ec)
            stop();
    });
    // Run until stopped and settled: the askers done, every pair written (stores keep idle
    // connections watched, so the context never runs dry by itself).
    const auto settled = [&] { return stop_requested && load.done() && tokens.stats().pending_writes == 0; };
    while (!settled() && (!stop_requested || std::chrono::steady_clock::now() < *stop_requested + replica_stop_limit))
        io.run_one_for(std::chrono::milliseconds(100));

    const slack::install::token_provider_stats stats = tokens.stats();
    tally.stats = named(stats);
    tally.stop_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - *stop_requested)
            .count();
    write_summary(std::cout, tally);
    deadline.disarm();
    return stats.pending_writes == 0 && load.done() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::optional<replica_options> o = parse(argc, argv);
    const char* id = std::getenv("SLACK_CLIENT_ID");
    const char* secret = std::getenv("SLACK_CLIENT_SECRET");
    if (!o || !id || !secret) {
        std::fputs(
            "usage: slack_rotation_replica --api-url URL --ca-file PEM --postgres CONNINFO --parent PID "
            "--seconds N [--askers N] [--max-pause-ms MS] [--seed N]\n"
            "(SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set)\n",
            stderr);
        return 2;
    }
    return run(*o, id, secret);
}
