// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The store's operations, synchronous, on the worker thread, with an open database. Each is one
// statement or one transaction; each throws failure. One file per operation, as the PostgreSQL
// store's. Arguments are already checked (installation_store).
#include "store/sqlite/database.hpp"

#include <slack/store/installation_store.hpp>
#include <slack/store/resealable_store.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace slack::store::sqlite {

// save.cpp
void save(database& db, const installation& i);

// find.cpp
std::optional<installation> find(database& db, const installation_key& key);

// list.cpp
installation_page list(database& db, const installation_key& after, std::size_t limit);

// remove.cpp
std::size_t remove(database& db, const installation_key& key);
std::size_t remove_all(database& db, const installation_key& key);

// replace_grant.cpp
bool replace_grant(database& db, const installation_key& key, grant_kind kind, std::int64_t expected_revision,
                   token_grant grant);

// lease.cpp
bool try_lease(database& db, const installation_key& key, grant_kind kind, const std::string& owner,
               std::chrono::milliseconds duration);
void release_lease(database& db, const installation_key& key, grant_kind kind, const std::string& owner);

// nonce.cpp
bool consume_nonce(database& db, const std::string& nonce, time_point expires_at);

// reseal.cpp
reseal_page reseal(database& db, const installation_key& after, std::size_t limit, clear_tokens clear);

// row_lookup.cpp: the key of the installation row `key` finds (own, else org-wide), if any.
std::optional<installation_key> found_row_key(database& db, const installation_key& key);

}  // namespace slack::store::sqlite
