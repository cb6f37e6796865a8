// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// An installation store in one SQLite file: for one host, shared by several processes (the file is
/// in WAL mode; writers wait up to busy_timeout for each other's locks). Link slack::sqlite_store.
/// This header does not include sqlite3.h.
#include <slack/store/installation_store.hpp>
#include <slack/store/resealable_store.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slack::store {

/// How a sqlite_store opens its file. An aggregate: `sqlite_options{.path = "installs.db"}` (every
/// member has an initializer, so that g++ does not warn of the ones left out).
struct sqlite_options {
    /// The database file, created (with its schema) when missing. Its directory must exist.
    std::string path{};
    /// Seals every token and refresh token at rest (AES-256-GCM, bound to its row, column and
    /// grant revision). Every process sharing the file must use the same key. With one, a token
    /// stored in the clear is refused (store_errc::encryption_required); without one, tokens are
    /// stored in the clear, and a sealed token read back is encryption_required.
    std::optional<token_key> encryption_key{};
    /// Keys that sealed tokens before encryption_key (rotation, docs/security.md): what they sealed
    /// still reads; nothing is written with them. Ignored without an encryption_key.
    std::vector<token_key> previous_keys{};
    /// How long a statement waits for another connection's lock before it fails (query_failed).
    std::chrono::milliseconds busy_timeout{5000};
};

/// The SQLite backend of installation_store; every operation is documented there.
///
/// Threading: SQLite's calls block, so none runs on the caller's threads. The store owns one worker
/// thread, and every operation runs there as one statement or one transaction (BEGIN IMMEDIATE when
/// it reads and writes), so at most one statement runs at a time per store object; operations run
/// in the order they were started. The handler completes on its associated executor (else `ex`),
/// never inside the initiating call, and the operation counts as outstanding work on that executor
/// until then.
///
/// Opening: the file is opened on the first operation, in WAL mode, and its schema created or
/// migrated in one transaction. An operation that cannot open the file fails with
/// store_errc::unavailable (schema_too_new if a newer version of this library wrote the schema), and
/// the next operation tries again. Every later operation first reads the schema's version again:
/// once another process of a newer version migrated the file, operations fail with schema_too_new.
///
/// Errors: unavailable (the file cannot be opened or is not a database), query_failed (a statement
/// failed, or waited past busy_timeout for a lock), corrupt_row, decryption_failed,
/// encryption_required, invalid_key, schema_too_new. SQLite's own messages are not passed on: they
/// may quote a bound value, and values are tokens.
///
/// Cancellation: a terminal cancellation (the handler's cancellation slot) of an operation still
/// waiting in the worker's queue completes it with boost::asio::error::operation_aborted, and it
/// never runs. One already running runs to its end (busy_timeout bounds how long it waits).
class sqlite_store final : public installation_store, public resealable_store {
public:
    /// Starts the worker thread; does not touch the file.
    sqlite_store(boost::asio::any_io_executor ex, sqlite_options options);
    /// Waits for the operations already started to finish (their handlers are posted, not run),
    /// then joins the worker thread and closes the file. Blocks the calling thread meanwhile.
    ~sqlite_store() override;

    sqlite_store(const sqlite_store&) = delete;
    sqlite_store& operator=(const sqlite_store&) = delete;

    /// `ex`: where operations complete when their handler has no associated executor.
    boost::asio::any_io_executor get_executor() const override;

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

    struct state;
    std::unique_ptr<state> state_;
};

}  // namespace slack::store
