// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The store's operations, each one statement run on the session's connection; one file per
// operation, as the SQLite store's. The arguments have passed installation_store's checks.
#include "store/postgresql/session.hpp"

#include <slack/store/installation_store.hpp>
#include <slack/store/resealable_store.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace slack::store::postgresql {

template <class T>
using operation = boost::asio::awaitable<boost::system::result<T>>;

/// An operation's error as its result: result<bool> takes an error_code only explicitly (a bool
/// can be made from one).
template <class T>
boost::system::result<T> failed(const boost::system::error_code& ec)
{
    return {boost::system::in_place_error, ec};
}

operation<void> save_installation(const session& s, installation i);
operation<std::optional<installation>> find_installation(const session& s, installation_key key);
/// list_installations' statement, for a test to EXPLAIN.
extern const std::string list_statement;
operation<installation_page> list_installations(const session& s, installation_key after, std::size_t limit);
operation<std::size_t> remove_installation(const session& s, installation_key key);
operation<std::size_t> remove_all_of(const session& s, installation_key key);
operation<bool> replace_grant(const session& s, installation_key key, grant_kind kind, std::int64_t expected_revision,
                              token_grant grant);
operation<bool> try_lease(const session& s, installation_key key, grant_kind kind, std::string owner,
                          std::chrono::milliseconds duration);
operation<void> release_lease(const session& s, installation_key key, grant_kind kind, std::string owner);
operation<bool> consume_nonce(const session& s, std::string nonce, time_point expires_at);
/// Unlike the others, several statements (reseal.cpp says why that is safe).
operation<reseal_page> reseal(const session& s, installation_key after, std::size_t limit, clear_tokens clear);

/// The row a key finds is its own, else (when it names an enterprise and a team) the
/// enterprise's org-wide one. Statements that look it up take $1 = the enterprise, $2 = the
/// team, $3 = the team of the fallback row ('', or the key's own team when there is none).
parameters& add_row_lookup(parameters& p, const installation_key& key);

}  // namespace slack::store::postgresql
