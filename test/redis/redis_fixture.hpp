// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The Redis servers of the tests: the shared ones scripts/test starts (SLACK_TEST_REDIS,
// SLACK_TEST_REDIS_CLUSTER), and private ones a fault test starts, pauses, stops and restarts
// through scripts/redis.
#include <filesystem>
#include <string>

namespace slack::test {

/// The URL in the environment variable `name`; throws, naming it and scripts/test, when unset.
std::string redis_url(const char* name = "SLACK_TEST_REDIS");

/// A redis-server of the test's own, stopped and removed by the destructor.
class redis_server {
public:
    redis_server();
    ~redis_server();
    redis_server(const redis_server&) = delete;
    redis_server& operator=(const redis_server&) = delete;

    const std::string& url() const { return url_; }
    void pause() { run("pause"); }
    void resume() { run("resume"); }
    void stop() { run("stop"); }
    void restart() { run("restart"); }

private:
    void run(const char* command);
    std::filesystem::path directory_;
    std::string url_;
};

}  // namespace slack::test
