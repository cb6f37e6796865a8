// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The store's tables, created and migrated by each store's first connection.
#include "store/postgresql/session.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <cstdint>

namespace slack::store::postgresql {

/// The version of the schema this code reads and writes.
inline constexpr int schema_version = 3;

/// Brings the database to schema_version: in one transaction holding an advisory lock, so that
/// processes starting at once migrate one after the other, it reads slack_schema_version and
/// applies the missing steps. Errors: store_errc::schema_too_new (a newer version wrote the
/// database: nothing is changed), unavailable, query_failed.
boost::asio::awaitable<boost::system::error_code> migrate(const session& s);

/// The version slack_schema_version holds (one statement, no lock): for a store that migrated
/// already to see whether a newer one has since.
boost::asio::awaitable<boost::system::result<std::int64_t>> stored_version(const session& s);

}  // namespace slack::store::postgresql
