// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/failure.hpp"

#include <sqlite3.h>

namespace slack::store::sqlite {

store_errc error_of(int sqlite_code) noexcept
{
    switch (sqlite_code & 0xff) {  // the primary code of an extended one
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH: return store_errc::unavailable;
    default: return store_errc::query_failed;
    }
}

void check(int sqlite_code)
{
    if (sqlite_code != SQLITE_OK)
        throw failure(error_of(sqlite_code));
}

}  // namespace slack::store::sqlite
