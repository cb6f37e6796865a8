// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/connection.hpp"

#include "store/sqlite/failure.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <limits>

namespace slack::store::sqlite {

connection::connection(const std::string& path, std::chrono::milliseconds busy_timeout)
{
    // NOMUTEX: the connection is only ever used by one thread at a time (the store's worker), so
    // SQLite's own per-connection mutex would only cost.
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &handle_, flags, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(handle_);  // a failed open may still hand back a handle to free
        handle_ = nullptr;
        throw failure(store_errc::unavailable);
    }
    try {
        const auto milliseconds =
            std::clamp<std::chrono::milliseconds::rep>(busy_timeout.count(), 0, std::numeric_limits<int>::max());
        check(sqlite3_busy_timeout(handle_, static_cast<int>(milliseconds)));
        // WAL: readers do not block the writer nor it them, so processes sharing the file only wait
        // for each other's writes. It is a property of the file; setting it again is a no-op.
        // synchronous stays FULL (the default): a rotated refresh token lost in a power cut could
        // not be used again, as Slack has already retired the old one.
        execute("PRAGMA journal_mode = WAL");
    } catch (...) {
        sqlite3_close_v2(handle_);
        throw;
    }
}

connection::~connection()
{
    // close_v2: should a statement outlive the connection, SQLite frees both once it is finalized.
    sqlite3_close_v2(handle_);
}

void connection::execute(const char* sql) { check(sqlite3_exec(handle_, sql, nullptr, nullptr, nullptr)); }

}  // namespace slack::store::sqlite
