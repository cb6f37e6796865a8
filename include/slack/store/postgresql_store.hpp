// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// An installation store in PostgreSQL, shared by every process (replica) that points at the same
/// database. Link slack::postgresql_store (it brings libpq); this header names nothing of libpq.
///
/// Each operation is one statement, atomic in the database; the schema is created and migrated
/// by the first connection of each store under an advisory lock (docs/stores.md).
#include <slack/store/installation_store.hpp>
#include <slack/store/resealable_store.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slack::store {

/// How to reach the PostgreSQL database, how many connections, and the sealing keys.
struct postgresql_options {
    /// A libpq connection string ("host=/run/postgresql dbname=app user=app") or URI
    /// ("postgresql://app@localhost/app"). Name hosts by address or a Unix socket directory:
    /// libpq resolves a host name with a blocking lookup.
    std::string connection;
    /// At most this many connections are open; operations beyond them wait, first come first served.
    std::size_t pool_size = 4;
    /// Seals token and refresh token columns (AES-256-GCM, bound to row, column and grant
    /// revision). Every process sharing the database needs the same key. With one, a token stored
    /// in the clear is refused (store_errc::encryption_required).
    std::optional<token_key> encryption_key;
    /// Keys that sealed tokens before encryption_key (rotation, docs/security.md): what they sealed
    /// still reads; nothing is written with them. Ignored without an encryption_key.
    std::vector<token_key> previous_keys{};
    /// Bounds opening one connection (and setting up its session).
    std::chrono::milliseconds connect_timeout{5000};
    /// Bounds the wait for a free connection, and each statement; the server also stops a
    /// statement after this long (statement_timeout).
    std::chrono::milliseconds query_timeout{5000};
    /// Each connection prepares a statement the first time it runs it, then runs it by name: the
    /// server parses and plans it once per connection instead of on every call (store.find runs
    /// 4-6 times faster, docs/benchmarks.md). Set false behind a pooler that hands one client
    /// session several server connections, unless it tracks prepared statements (PgBouncer in
    /// transaction mode, before 1.21 or without max_prepared_statements > 0).
    bool prepare_statements = true;
    /// How often a running store reads the schema's version again (one statement, before an
    /// operation): once another replica, of a newer version of this library, migrated the
    /// database, this store's operations fail with schema_too_new instead of writing with an old
    /// idea of the tables. Zero: before every operation.
    std::chrono::milliseconds schema_check_interval{5000};
};

/// The PostgreSQL installation store.
///
/// The constructor does not connect: connections are opened when operations need them, kept
/// for later ones, and one found broken is dropped and replaced by the next operation.
/// Operations run on a strand of `ex` (no thread of their own) and complete on the handler's
/// associated executor, else on `ex`.
///
/// Errors: store_errc::unavailable (cannot connect, connection lost, a deadline passed),
/// query_failed (the server refused a statement), schema_too_new, corrupt_row,
/// decryption_failed, encryption_required, invalid_key. The server's messages are never passed
/// on: they may quote a statement's parameters, which are tokens.
///
/// Cancellation: a terminal cancellation (the handler's cancellation slot) of an operation still
/// waiting for a connection (queued for the pool, or connecting) completes it with
/// boost::asio::error::operation_aborted: nothing was sent. Once its statement is sent it runs to
/// its end, bounded by query_timeout, so that whether it took effect is known.
///
/// Destroy the store after its operations completed and before `ex`'s execution context.
class postgresql_store final : public installation_store, public resealable_store {
public:
    postgresql_store(
        boost::asio::any_io_executor ex,
        postgresql_options
            options);  ///< Connects lazily: the first operation opens the first connection and creates the schema if needed.
    ~postgresql_store() override;
    postgresql_store(const postgresql_store&) = delete;
    postgresql_store& operator=(const postgresql_store&) = delete;
    /// `ex`: where operations complete when their handler has no associated executor.
    boost::asio::any_io_executor get_executor() const override;

    struct state;  // defined in src/store/postgresql/store.cpp

private:
    void do_save(installation i, store_handler<void> handler) override;
    void do_find(installation_key key, store_handler<std::optional<installation>> handler) override;
    void do_remove(installation_key key, store_handler<std::size_t> handler) override;
    void do_remove_all(installation_key key, store_handler<std::size_t> handler) override;
    void do_list(installation_key after, std::size_t limit, store_handler<installation_page> handler) override;
    void do_replace_grant(installation_key key, grant_kind kind, std::int64_t expected_revision, token_grant grant,
                          store_handler<bool> handler) override;
    void do_try_lease(installation_key key, grant_kind kind, std::string owner, std::chrono::milliseconds duration,
                      store_handler<bool> handler) override;
    void do_release_lease(installation_key key, grant_kind kind, std::string owner,
                          store_handler<void> handler) override;
    void do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> handler) override;
    void do_reseal(installation_key after, std::size_t limit, clear_tokens clear,
                   store_handler<reseal_page> handler) override;

    std::shared_ptr<state> state_;  // shared with running operations
};

}  // namespace slack::store
