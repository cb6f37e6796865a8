// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// memory_store against the conformance suite.
#include "store/conformance.hpp"

#include <slack/store/memory_store.hpp>

#include <memory>

namespace {

using namespace slack::store;

// A client of one shared memory_store: two clients of a fixture see one database, as two replicas
// of a SQL backend do. It forwards each operation with its handler as the completion token.
class shared_memory_client final : public installation_store {
public:
    explicit shared_memory_client(std::shared_ptr<memory_store> database) : database_(std::move(database)) {}

    boost::asio::any_io_executor get_executor() const override { return database_->get_executor(); }

private:
    void do_save(installation i, store_handler<void> h) override { database_->save(std::move(i), std::move(h)); }
    void do_find(installation_key k, store_handler<std::optional<installation>> h) override
    {
        database_->find(k, std::move(h));
    }
    void do_remove(installation_key k, store_handler<std::size_t> h) override { database_->remove(k, std::move(h)); }
    void do_remove_all(installation_key k, store_handler<std::size_t> h) override
    {
        database_->remove_all(k, std::move(h));
    }
    void do_list(installation_key after, std::size_t limit, store_handler<installation_page> h) override
    {
        database_->list(after, limit, std::move(h));
    }
    void do_replace_grant(installation_key k, grant_kind kind, std::int64_t revision, token_grant g,
                          store_handler<bool> h) override
    {
        database_->replace_grant(k, kind, revision, std::move(g), std::move(h));
    }
    void do_try_lease(installation_key k, grant_kind kind, std::string owner, std::chrono::milliseconds duration,
                      store_handler<bool> h) override
    {
        database_->try_lease(k, kind, owner, duration, std::move(h));
    }
    void do_release_lease(installation_key k, grant_kind kind, std::string owner, store_handler<void> h) override
    {
        database_->release_lease(k, kind, owner, std::move(h));
    }
    void do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> h) override
    {
        database_->consume_nonce(nonce, expires_at, std::move(h));
    }

    std::shared_ptr<memory_store> database_;
};

struct memory_fixture {
    boost::asio::io_context io;
    std::shared_ptr<memory_store> database = std::make_shared<memory_store>(io.get_executor());

    std::unique_ptr<installation_store> open() { return std::make_unique<shared_memory_client>(database); }
};

}  // namespace

SLACK_STORE_CONFORMANCE(memory_store_conformance, memory_fixture)
