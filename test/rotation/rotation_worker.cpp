// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// One replica of an app, for the multi-process rotation tests: asks the token provider for one
// installation's bot token from many coroutines at once, on a store shared with other processes.
//   rotation_worker --api-url URL --ca-file PEM --store SPEC --team T[,T2...] [--enterprise E]
//                   --callers N [--lease-ms MS]
// With several teams, callers ask by each in turn (the workspaces of an org-wide install of E).
// Credentials from SLACK_CLIENT_ID / SLACK_CLIENT_SECRET. Prints, for each distinct token it
// was given, "token <sha256 prefix> <count>" (never the token), then "refreshes K". Before it
// exits it waits (within its deadline) for pairs it could not write yet, as an app shutting down
// should. Exit 0 when every caller got a token and every pair was written, 1 otherwise ("error
// <name>" lines, "pending K"), 2 on bad usage.
#include <slack/install/token_provider.hpp>
#include <slack/store/open_store.hpp>
#include <slack/web/tls.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

#include "fingerprint.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

namespace asio = boost::asio;

int main(int argc, char** argv)
{
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2)
        args[argv[i]] = argv[i + 1];
    const char* id = std::getenv("SLACK_CLIENT_ID");
    const char* secret = std::getenv("SLACK_CLIENT_SECRET");
    if (!id || !secret || !args.count("--api-url") || !args.count("--ca-file") || !args.count("--store") ||
        !args.count("--team")) {
        std::cerr
            << "usage: rotation_worker --api-url URL --ca-file PEM --store SPEC --team T[,T2...] [--enterprise E] "
               "[--callers N] [--lease-ms MS]\n";
        return 2;
    }
    const int callers = args.count("--callers") ? std::atoi(args["--callers"].c_str()) : 50;
    const int lease_ms = args.count("--lease-ms") ? std::atoi(args["--lease-ms"].c_str()) : 5000;

    asio::io_context io;
    auto tls = std::make_shared<asio::ssl::context>(slack::web::make_tls_context());
    tls->load_verify_file(args["--ca-file"]);
    slack::web::client client(io.get_executor(), tls, {.api_url = args["--api-url"]});
    auto store = slack::store::open_store(io.get_executor(), args["--store"]);
    if (!store) {
        std::cerr << "rotation_worker: bad --store\n";
        return 2;
    }
    slack::install::token_provider tokens(client, **store,
                                          {.client_id = id,
                                           .client_secret = secret,
                                           .refresh_margin = std::chrono::hours(2),
                                           .lease_duration = std::chrono::milliseconds(lease_ms),
                                           .lease_poll = std::chrono::milliseconds(25),
                                           .wait_limit = std::chrono::seconds(60)});
    std::vector<slack::store::installation_key> keys;
    std::istringstream teams(args["--team"]);
    for (std::string team; std::getline(teams, team, ',');)
        keys.push_back({.enterprise_id = args["--enterprise"], .team_id = team, .user_id = {}});
    if (keys.empty()) {
        std::cerr << "rotation_worker: --team names no team\n";
        return 2;
    }
    std::map<std::string, int> seen;
    std::map<std::string, int> errors;
    int finished = 0;
    for (int n = 0; n < callers; ++n)
        asio::co_spawn(
            io,
            [&, n]() -> asio::awaitable<void> {
                const slack::store::installation_key& key = keys[static_cast<std::size_t>(n) % keys.size()];
                auto token = co_await tokens.token(key);
                if (token)
                    ++seen[token_fingerprint(*token)];
                else
                    ++errors[token.error().message()];
                ++finished;
            },
            asio::detached);
    // Bounded: a caller that never finishes is an error. (Stores may keep idle connections
    // watched, so run until the callers are done rather than until the context runs dry.)
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (finished < callers && std::chrono::steady_clock::now() < deadline)
        io.run_one_until(deadline);
    std::cout << "callers done" << std::endl;
    while (tokens.stats().pending_writes > 0 && std::chrono::steady_clock::now() < deadline)
        io.run_one_until(deadline);
    for (const auto& [print, count] : seen)
        std::cout << "token " << print << " " << count << "\n";
    for (const auto& [message, count] : errors)
        std::cout << "error " << message << " " << count << "\n";
    const auto stats = tokens.stats();
    if (stats.pending_writes > 0)
        std::cout << "pending " << stats.pending_writes << "\n";
    std::cout << "refreshes " << stats.refreshes << std::endl;
    return finished == callers && errors.empty() && stats.pending_writes == 0 ? 0 : 1;
}
