// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The Redis servers of the tests: the shared ones scripts/test starts (SLACK_TEST_REDIS,
// SLACK_TEST_REDIS_CLUSTER, SLACK_TEST_REDIS_TLS with its CA in SLACK_TEST_REDIS_TLS_CA), and
// private ones a fault test starts, pauses, stops and restarts through scripts/redis.
#include <filesystem>
#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace slack::test {

/// The URL in the environment variable `name`; throws, naming it and scripts/test, when unset.
std::string redis_url(const char* name = "SLACK_TEST_REDIS");

/// A TLS client context that trusts the CA certificate in `ca_file` alone.
std::shared_ptr<boost::asio::ssl::context> trusting(const std::string& ca_file);

/// For a rediss:// URL of scripts/test's server, a context trusting its CA
/// (SLACK_TEST_REDIS_TLS_CA); null for redis://.
std::shared_ptr<boost::asio::ssl::context> trust_for(const std::string& url);

/// A redis-server of the test's own, stopped and removed by the destructor; over TLS (rediss://,
/// a CA of its own in ca()) when `tls`.
class redis_server {
public:
    explicit redis_server(bool tls = false);
    ~redis_server();
    redis_server(const redis_server&) = delete;
    redis_server& operator=(const redis_server&) = delete;

    const std::string& url() const { return url_; }
    std::string ca() const { return (directory_ / "ca.pem").string(); }
    /// For a TLS server, a context trusting its CA; null otherwise.
    std::shared_ptr<boost::asio::ssl::context> trust() const;
    void pause() { run("pause"); }
    void resume() { run("resume"); }
    void stop() { run("stop"); }
    void restart() { run("restart"); }

private:
    void run(const char* command, const char* option = "");
    bool tls_;
    std::filesystem::path directory_;
    std::string url_;
};

}  // namespace slack::test
