// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A user's grant as a row of slack_user_grants, under its installation's row key and its user.
#include "store/sqlite/database.hpp"
#include "store/sqlite/statement.hpp"

#include <slack/store/installation.hpp>
#include "store/sealed_columns.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace slack::store::sqlite::user_grant_rows {

/// Where a grant is: its installation's row key (key_of) and the user.
struct place {
    const installation_key& row_key;
    std::string_view user_id;
};

/// The grant at a place (?1-?3), read with read().
extern const std::string_view select;
token_grant read(const execution& row, const place& at, const detail::sealing_keys& keys);
/// The grant at a place, if there is one.
std::optional<token_grant> find(database& db, const place& at);

/// Inserts or replaces the grant at a place, with the grant's revision (store/revision.hpp).
extern const std::string_view upsert;
void bind_upsert(execution& e, const place& at, const token_grant& grant, time_point installed_at,
                 const detail::sealing_keys& keys);

/// Compare-and-swap: writes the grant at a place, with its revision, only if the stored revision
/// is `expected_revision`.
extern const std::string_view replace;
void bind_replace(execution& e, const place& at, std::int64_t expected_revision, const token_grant& grant,
                  const detail::sealing_keys& keys);

/// Deletes one user's grant (?1-?3), or (delete_all_of) every grant of an installation row (?1 ?2).
extern const std::string_view delete_one;
extern const std::string_view delete_all_of;
void bind_place(execution& e, const place& at);

}  // namespace slack::store::sqlite::user_grant_rows
