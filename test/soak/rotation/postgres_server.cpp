// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/postgres_server.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace soak::rotation {

postgres_server::postgres_server(std::filesystem::path script, std::filesystem::path directory)
    : script_(std::move(script)), directory_(std::move(directory))
{
    std::ifstream in(directory_ / "connection");
    std::getline(in, connection_);
    if (connection_.empty())
        throw std::runtime_error("no PostgreSQL server was started in " + directory_.string() +
                                 " (scripts/postgres start DIR)");
}

postgres_server::~postgres_server()
{
    if (paused_) {
        try {
            resume();
        } catch (...) {
            // scripts/postgres stop resumes it too
        }
    }
}

void postgres_server::pause()
{
    run("pause");
    paused_ = true;
}

void postgres_server::resume()
{
    run("resume");
    paused_ = false;
}

void postgres_server::run(const char* command)
{
    const std::string line = "'" + script_.string() + "' " + command + " '" + directory_.string() + "'";
    if (std::system(line.c_str()) != 0)
        throw std::runtime_error(std::string("scripts/postgres ") + command + " failed");
}

}  // namespace soak::rotation
