// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One SQLite connection to the store's file, used only by the store's worker thread.
#include <chrono>
#include <cstdint>
#include <string>

struct sqlite3;

namespace slack::store::sqlite {

class connection {
public:
    /// Opens the file (creating it), sets the busy timeout and WAL mode. Throws failure:
    /// unavailable when the file cannot be opened.
    connection(const std::string& path, std::chrono::milliseconds busy_timeout);
    ~connection();

    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    sqlite3* handle() const noexcept { return handle_; }

    /// Runs constant SQL (schema steps, pragmas): never values, which are bound to statements.
    void execute(const char* sql);

private:
    sqlite3* handle_ = nullptr;
};

}  // namespace slack::store::sqlite
