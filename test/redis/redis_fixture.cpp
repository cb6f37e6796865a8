// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/redis_fixture.hpp"

#include <boost/asio/ssl/context.hpp>

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

std::shared_ptr<boost::asio::ssl::context> trusting(const std::string& ca_file)
{
    auto context = std::make_shared<boost::asio::ssl::context>(boost::asio::ssl::context::tls_client);
    context->load_verify_file(ca_file);
    return context;
}

std::shared_ptr<boost::asio::ssl::context> trust_for(const std::string& url)
{
    if (!url.starts_with("rediss://"))
        return nullptr;
    return trusting(redis_url("SLACK_TEST_REDIS_TLS_CA"));
}

redis_server::redis_server(bool tls) : tls_(tls)
{
    char pattern[] = "/tmp/slack-redis-test.XXXXXX";
    if (!::mkdtemp(pattern))
        throw std::runtime_error("cannot make a directory for a test redis-server");
    directory_ = pattern;
    run("start", tls ? " --tls" : "");
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

std::shared_ptr<boost::asio::ssl::context> redis_server::trust() const { return tls_ ? trusting(ca()) : nullptr; }

void redis_server::run(const char* command, const char* option)
{
    const std::string line = "'" SLACK_SOURCE_DIR "/scripts/redis' " + std::string(command) + " '" +
                             directory_.string() + "'" + option + " >/dev/null";
    if (std::system(line.c_str()) != 0)
        throw std::runtime_error(std::string("scripts/redis ") + command + " failed");
}

}  // namespace slack::test
