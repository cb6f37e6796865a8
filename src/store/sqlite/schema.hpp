// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The file's tables, versioned: each version is a step applied once, in order, and recorded in
// slack_schema_version. Steps are appended, never edited, once released.
#include "store/sqlite/connection.hpp"
#include "store/sqlite/statement.hpp"

namespace slack::store::sqlite {

/// The schema version this library writes.
inline constexpr int schema_version = 2;

/// Creates the tables of a new file, or applies the steps a file lacks, in one BEGIN IMMEDIATE
/// transaction (so that processes opening one new file at once create it once). Throws failure:
/// schema_too_new when the file's version is newer than this library's.
void migrate(connection& c, statement_cache& statements);

/// Reads the file's version again (one cached statement): throws failure(schema_too_new) once
/// another process, of a newer version of this library, migrated the file past this one.
void check_version(statement_cache& statements);

}  // namespace slack::store::sqlite
