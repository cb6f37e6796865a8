// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The PostgreSQL server scripts/soak started for the run (scripts/postgres start DIR): its
// connection string, and pausing it (SIGSTOP of its processes: connections stay open and every
// statement waits) and resuming it, through scripts/postgres.
#include <filesystem>
#include <string>

namespace soak::rotation {

class postgres_server {
public:
    /// Throws std::runtime_error if DIR holds no started server.
    postgres_server(std::filesystem::path script, std::filesystem::path directory);
    ~postgres_server();  ///< resumes it if paused: it must be stopped afterwards
    postgres_server(const postgres_server&) = delete;
    postgres_server& operator=(const postgres_server&) = delete;

    const std::string& connection() const noexcept { return connection_; }
    const std::filesystem::path& directory() const noexcept { return directory_; }
    void pause();   ///< throws std::runtime_error on failure
    void resume();  ///< throws std::runtime_error on failure

private:
    void run(const char* command);

    std::filesystem::path script_, directory_;
    std::string connection_;
    bool paused_ = false;
};

}  // namespace soak::rotation
