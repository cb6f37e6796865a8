// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/redis_fixture.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace slack::test {

std::string redis_url(const char* name)
{
    const char* url = std::getenv(name);
    if (!url || !*url)
        throw std::runtime_error(std::string(name) +
                                 " is not set: run the Redis tests through scripts/test, which starts "
                                 "redis-servers (scripts/redis) and sets it");
    return url;
}

redis_server::redis_server()
{
    char pattern[] = "/tmp/slack-redis-test.XXXXXX";
    if (!::mkdtemp(pattern))
        throw std::runtime_error("cannot make a directory for a test redis-server");
    directory_ = pattern;
    run("start");
    std::ifstream in(directory_ / "url");
    std::getline(in, url_);
    if (url_.empty())
        throw std::runtime_error("scripts/redis start wrote no URL");
}

redis_server::~redis_server()
{
    try {
        run("stop");
    } catch (...) {
        // nothing more to do in a destructor
    }
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
}

void redis_server::run(const char* command)
{
    const std::string line =
        "'" SLACK_SOURCE_DIR "/scripts/redis' " + std::string(command) + " '" + directory_.string() + "' >/dev/null";
    if (std::system(line.c_str()) != 0)
        throw std::runtime_error(std::string("scripts/redis ") + command + " failed");
}

}  // namespace slack::test
