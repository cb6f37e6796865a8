// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The store's side of its SQLite file, used only on the store's worker thread: the connection
// (opened and migrated on first use), its prepared statements, and the token keys.
#include "store/sealed_columns.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/statement.hpp"

#include <slack/store/sqlite_store.hpp>

#include <memory>
#include <optional>
#include <string_view>

namespace slack::store::sqlite {

class database {
public:
    explicit database(sqlite_options options);
    ~database();

    database(const database&) = delete;
    database& operator=(const database&) = delete;

    /// Opens and migrates the file unless that is done; else checks that no newer version of this
    /// library migrated it since (another process may have). Throws failure (unavailable,
    /// schema_too_new...), and the next call tries again: the directory may appear, the lock go.
    void open();

    /// The open connection's statements (after open()).
    statement_cache& statements() noexcept { return open_->statements; }
    statement& prepared(std::string_view sql) { return open_->statements(sql); }

    const detail::sealing_keys& keys() const noexcept { return keys_; }

private:
    struct open_file {
        explicit open_file(const sqlite_options& options);

        connection link;  // declared first: it outlives its statements
        statement_cache statements;
    };

    sqlite_options options_;
    detail::sealing_keys keys_;
    std::unique_ptr<open_file> open_;
};

}  // namespace slack::store::sqlite
