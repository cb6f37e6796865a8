// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// An installation store in this process's memory: for tests, and for a single process that may
/// lose its installations on exit. Thread-safe; completes on the handler's executor (else `ex`).
#include <slack/store/installation_store.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>

namespace slack::store {

/// An installation store in memory, for tests and single-process apps: what it holds is lost
/// with it. Its operations never wait, so cancellation has nothing to stop.
class memory_store final : public installation_store {
public:
    explicit memory_store(
        boost::asio::any_io_executor ex);  ///< Completes operations on `ex` (or the handler's associated executor).
    ~memory_store() override;

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

    struct state;
    boost::asio::any_io_executor executor_;
    std::unique_ptr<state> state_;
};

}  // namespace slack::store
