// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Prepared statements: values are only ever bound to parameters, never written into SQL text.
#include <slack/store/installation.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace slack::store::sqlite {

/// One compiled statement, kept for the connection's life (statement_cache).
class statement {
public:
    /// Compiles `sql` (one statement). Throws failure.
    statement(sqlite3* db, std::string_view sql);
    ~statement();

    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;

    sqlite3_stmt* handle() const noexcept { return handle_; }

private:
    sqlite3_stmt* handle_ = nullptr;
};

/// One run of a prepared statement: bind, step, read the current row. Its end resets the statement
/// and clears the bindings, so that no read keeps a snapshot open and no bound token stays bound.
/// Parameters and columns are numbered as SQLite numbers them: ?1 is 1, the first column is 0.
/// Reading a column of the wrong type throws failure(corrupt_row).
class execution {
public:
    explicit execution(statement& s) noexcept : handle_(s.handle()) {}
    ~execution();

    execution(const execution&) = delete;
    execution& operator=(const execution&) = delete;

    execution& bind(int parameter, std::string_view text);
    execution& bind(int parameter, std::int64_t value);
    execution& bind(int parameter, bool value) { return bind(parameter, std::int64_t{value}); }
    execution& bind(int parameter, time_point t);                        ///< Unix milliseconds.
    execution& bind(int parameter, const std::optional<time_point>& t);  ///< NULL when none.
    execution& bind_null(int parameter);

    /// Runs to the next row: true when one is ready, false when done. Throws failure.
    bool step();
    /// Runs a statement that yields no rows to its end; returns how many rows it changed.
    std::int64_t run();

    bool is_null(int column) const;
    std::string text(int column) const;  ///< TEXT; NULL reads as "".
    std::int64_t integer(int column) const;
    bool flag(int column) const;  ///< 0 or 1.
    time_point time(int column) const;
    std::optional<time_point> optional_time(int column) const;  ///< NULL: none.

private:
    sqlite3_stmt* handle_;
};

/// The statements of one connection, each compiled on first use. Keyed by the SQL text, which is
/// always one of the store's constants.
class statement_cache {
public:
    explicit statement_cache(sqlite3* db) noexcept : db_(db) {}

    statement& operator()(std::string_view sql);

private:
    sqlite3* db_;
    std::map<std::string, statement, std::less<>> statements_;
};

}  // namespace slack::store::sqlite
