// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/statement.hpp"

#include "store/sqlite/failure.hpp"

#include <sqlite3.h>

#include <chrono>

namespace slack::store::sqlite {
namespace {

[[noreturn]] void corrupt_row() { throw failure(store_errc::corrupt_row); }

// Times are stored as Unix milliseconds; one that does not fit a time_point is a corrupt row.
time_point time_of_milliseconds(std::int64_t milliseconds)
{
    constexpr auto most = duration_cast<std::chrono::milliseconds>(time_point::duration::max()).count();
    if (milliseconds > most || milliseconds < -most)
        corrupt_row();
    return time_point(std::chrono::milliseconds(milliseconds));
}

std::int64_t milliseconds_of(time_point t)
{
    return std::chrono::floor<std::chrono::milliseconds>(t).time_since_epoch().count();
}

}  // namespace

statement::statement(sqlite3* db, std::string_view sql)
{
    // PERSISTENT: kept for the connection's life, which SQLite allocates for accordingly.
    check(
        sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &handle_, nullptr));
}

statement::~statement() { sqlite3_finalize(handle_); }

execution::~execution()
{
    sqlite3_reset(handle_);
    sqlite3_clear_bindings(handle_);
}

execution& execution::bind(int parameter, std::string_view text)
{
    // TRANSIENT: SQLite copies the text, so the caller's string may go before the step. An empty
    // view's data() may be null, which SQLite would bind as NULL rather than ''.
    const char* data = text.empty() ? "" : text.data();
    check(sqlite3_bind_text64(handle_, parameter, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

execution& execution::bind(int parameter, std::int64_t value)
{
    check(sqlite3_bind_int64(handle_, parameter, value));
    return *this;
}

execution& execution::bind(int parameter, time_point t) { return bind(parameter, milliseconds_of(t)); }

execution& execution::bind(int parameter, const std::optional<time_point>& t)
{
    return t ? bind(parameter, *t) : bind_null(parameter);
}

execution& execution::bind_null(int parameter)
{
    check(sqlite3_bind_null(handle_, parameter));
    return *this;
}

bool execution::step()
{
    const int code = sqlite3_step(handle_);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    throw failure(error_of(code));
}

std::int64_t execution::run()
{
    while (step()) {}
    return sqlite3_changes64(sqlite3_db_handle(handle_));
}

bool execution::is_null(int column) const { return sqlite3_column_type(handle_, column) == SQLITE_NULL; }

std::string execution::text(int column) const
{
    const int type = sqlite3_column_type(handle_, column);
    if (type == SQLITE_NULL)
        return {};
    if (type != SQLITE_TEXT)
        corrupt_row();
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(handle_, column));
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(handle_, column)));
}

std::int64_t execution::integer(int column) const
{
    if (sqlite3_column_type(handle_, column) != SQLITE_INTEGER)
        corrupt_row();
    return sqlite3_column_int64(handle_, column);
}

bool execution::flag(int column) const
{
    const std::int64_t value = integer(column);
    if (value != 0 && value != 1)
        corrupt_row();
    return value == 1;
}

time_point execution::time(int column) const { return time_of_milliseconds(integer(column)); }

std::optional<time_point> execution::optional_time(int column) const
{
    if (is_null(column))
        return std::nullopt;
    return time(column);
}

statement& statement_cache::operator()(std::string_view sql)
{
    auto it = statements_.find(sql);
    if (it == statements_.end())
        it = statements_.try_emplace(std::string(sql), db_, sql).first;
    return it->second;
}

}  // namespace slack::store::sqlite
