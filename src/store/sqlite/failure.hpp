// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How a SQLite step fails inside the store's worker. A failed statement aborts its whole operation
// (and rolls its transaction back), so the low-level calls throw `failure` and the operation's
// boundary (sqlite_store.cpp) turns it into the caller's error code: one throw instead of a check
// after every call. SQLite's message is not kept: it may quote a bound value, and values are tokens.
#include <slack/store/store_errc.hpp>

#include <exception>

namespace slack::store::sqlite {

struct failure final : std::exception {
    explicit failure(store_errc c) noexcept : code(c) {}
    const char* what() const noexcept override { return to_string(code).data(); }  // a C string literal

    store_errc code;
};

/// What a SQLite result code means to the caller: a file that cannot be opened, read or written is
/// unavailable; anything else (SQLITE_BUSY past the timeout, a constraint...) is query_failed.
store_errc error_of(int sqlite_code) noexcept;

/// Throws failure(error_of(sqlite_code)) unless it is SQLITE_OK.
void check(int sqlite_code);

}  // namespace slack::store::sqlite
