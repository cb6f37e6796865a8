// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-install-server: the example install server on SQLite, configured from the environment.
//   SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET (32+ bytes), SLACK_SIGNING_SECRET
//   install_server --store installations.db [--port 3000] [--api-url URL --authorize-base URL --ca-file PEM]
//                  [--rate-limits local|redis[s]://[user:password@]host:port[/db]]
#include "install_server.hpp"

#include <slack/store/sqlite_store.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace {

std::string from_environment(const char* name)
{
    const char* value = std::getenv(name);
    if (!value || !*value) {
        std::cerr << "install_server: set " << name << " in the environment\n";
        std::exit(2);
    }
    return value;
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path);
    if (!in) {
        std::cerr << "install_server: cannot read " << path << "\n";
        std::exit(2);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv)
{
    example::install_server_config config{.client_id = from_environment("SLACK_CLIENT_ID"),
                                          .client_secret = from_environment("SLACK_CLIENT_SECRET"),
                                          .state_secret = from_environment("SLACK_STATE_SECRET"),
                                          .signing_secret = from_environment("SLACK_SIGNING_SECRET")};
    if (const char* admin = std::getenv("SLACK_ADMIN_TOKEN"))
        config.admin_token = admin;  // enables /slack/whoami for whoever holds it
    std::string store_path = "installations.db";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--store")
            store_path = value;
        else if (flag == "--port")
            config.port = static_cast<unsigned short>(std::stoi(value));
        else if (flag == "--api-url")
            config.api_url = value;
        else if (flag == "--authorize-base")
            config.authorize_base = value;
        else if (flag == "--ca-file")
            config.ca_pem = read_file(value);
        else if (flag == "--rate-limits")
            config.rate_limits = value;
        else {
            std::cerr << "install_server: unknown option " << flag << "\n";
            return 2;
        }
    }
    if (config.state_secret.size() < 32) {
        std::cerr << "install_server: SLACK_STATE_SECRET must be at least 32 bytes\n";
        return 2;
    }
    boost::asio::io_context io;
    slack::store::sqlite_store store(io.get_executor(), {.path = store_path});
    std::optional<example::install_server> made;
    try {
        made.emplace(io.get_executor(), store, std::move(config));
    } catch (const std::invalid_argument& e) {  // a bad --rate-limits: the message names no secret
        std::cerr << "install_server: " << e.what() << "\n";
        return 2;
    }
    example::install_server& server = *made;
    server.start();
    std::cout << "listening on http://127.0.0.1:" << server.port() << "/slack/install" << std::endl;
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](auto, int) {
        server.stop();
        io.stop();
    });
    io.run();
}
