// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// An installation as a row of slack_installations (without its user grant: user_grant_rows.hpp).
// The row's key is key_of(installation): an org-wide install's team_id is ''.
#include "store/sqlite/statement.hpp"

#include <slack/store/installation.hpp>
#include "store/sealed_columns.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace slack::store::sqlite::installation_rows {

/// Binds ?1-?3 of the lookups below to what `key` finds: the team's row, else (when the key has
/// both ids) the enterprise's org-wide row, as find() promises.
void bind_lookup(execution& e, const installation_key& key);

/// The whole row `key` finds (bind_lookup), read with read().
const std::string& select_found();
/// Only the found row's key: enterprise_id, team_id.
const std::string& select_found_key();
/// A page of rows in key order after (?1 enterprise, ?2 team), at most ?3 of them, read with read().
const std::string& select_page();
installation read(const execution& row, const detail::sealing_keys& keys);

/// Inserts or replaces a row (bind_upsert), with the bot grant's revision (store/revision.hpp).
const std::string& upsert();
void bind_upsert(execution& e, const installation& i, const detail::sealing_keys& keys);

/// Compare-and-swap of the bot grant of the row under `row_key` (bind_replace_bot): changes the
/// row, with the grant's revision, only if it has a bot grant at `expected_revision`.
const std::string& replace_bot();
void bind_replace_bot(execution& e, const installation_key& row_key, std::int64_t expected_revision,
                      const token_grant& grant, const detail::sealing_keys& keys);

}  // namespace slack::store::sqlite::installation_rows
