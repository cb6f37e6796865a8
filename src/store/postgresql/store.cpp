// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// postgresql_store: runs each operation (its arguments checked by installation_store) as a
// coroutine on the store's strand with a pooled connection, after the schema check of the store's
// first one.
#include <slack/store/postgresql_store.hpp>

#include "detail/start_operation.hpp"
#include "store/completion.hpp"
#include "store/postgresql/operations.hpp"
#include "store/postgresql/pool.hpp"
#include "store/postgresql/schema.hpp"

#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>

#include <exception>

namespace slack::store {

namespace asio = boost::asio;
namespace pg = postgresql;
using boost::system::error_code;

struct postgresql_store::state {
    state(asio::any_io_executor ex, postgresql_options o)
        : executor(std::move(ex)),
          strand(asio::make_strand(executor)),
          options(std::move(o)),
          keys(options.encryption_key, options.previous_keys),
          pool(strand,
               pg::connection_settings{options.connection, options.connect_timeout, options.query_timeout,
                                       options.prepare_statements},
               options.pool_size)
    {
    }

    asio::any_io_executor executor;  // where completions go when the handler has no executor
    // Operations interleave at their waits but never run at once: the pool and the connections
    // need no lock, whatever threads run the executor.
    asio::strand<asio::any_io_executor> strand;
    postgresql_options options;
    detail::sealing_keys keys;
    pg::pool pool;
    bool schema_ready = false;                  // this store has seen the schema at pg::schema_version
    pg::clock::time_point schema_checked_at{};  // when it last did
};

namespace {

using state_ptr = std::shared_ptr<postgresql_store::state>;

// The arguments are the coroutine's own copies: they live in its frame until it ends.
template <class T, class Operation, class... Args>
pg::operation<T> with_connection(state_ptr s, Operation run, Args... args)
{
    // A terminal cancellation (co_spawn's filter) ends the wait for a connection, queued or
    // connecting: nothing was sent, so the operation surely did not happen. It is answered, not
    // thrown.
    co_await asio::this_coro::throw_if_cancelled(false);
    auto lent = co_await s->pool.acquire(pg::clock::now() + s->options.query_timeout);
    const asio::cancellation_state state = co_await asio::this_coro::cancellation_state;
    if (state.cancelled() != asio::cancellation_type::none)
        co_return pg::failed<T>(asio::error::operation_aborted);  // a connection lent meanwhile goes back
    if (!lent)
        co_return pg::failed<T>(lent.error());
    // From here statements go out: each runs to its end, bounded by its deadline, so that whether
    // it took effect is known. Cancelling it would drop the connection and leave that unknown.
    co_await asio::this_coro::reset_cancellation_state(asio::disable_cancellation());
    const pg::session session{lent->get(), s->keys, s->options.query_timeout};
    // Another replica, of a newer version, may have migrated the database since: read the version
    // again once schema_check_interval has passed, and stop (schema_too_new) if it has.
    if (s->schema_ready && pg::clock::now() - s->schema_checked_at >= s->options.schema_check_interval) {
        auto version = co_await pg::stored_version(session);
        if (!version)
            co_return pg::failed<T>(version.error());
        if (*version != pg::schema_version)
            s->schema_ready = false;  // migrate() below says schema_too_new, or migrates an older one
        else
            s->schema_checked_at = pg::clock::now();
    }
    if (!s->schema_ready) {
        const error_code migrated = co_await pg::migrate(session);
        if (migrated)
            co_return pg::failed<T>(migrated);
        s->schema_ready = true;
        s->schema_checked_at = pg::clock::now();
    }
    co_return co_await run(session, std::move(args)...);
}

template <class T, class Operation, class... Args>
void start(const state_ptr& s, store_handler<T> handler, Operation run, Args... args)
{
    auto finish = [s](store_handler<T>&& handler, std::exception_ptr thrown, store_result<T> outcome) {
        if (thrown)  // only std::bad_alloc and the like: the operations report errors as values
            outcome = store_result<T>(boost::system::in_place_error, store_errc::query_failed);
        detail::complete<T>(s->executor, handler, std::move(outcome));
    };
    // The coroutine runs on the strand, where co_spawn also emits the caller's cancellation.
    slack::detail::start_operation(s->strand, with_connection<T>(s, run, std::move(args)...), std::move(handler),
                                   std::move(finish));
}

}  // namespace

postgresql_store::postgresql_store(asio::any_io_executor ex, postgresql_options options)
    : state_(std::make_shared<state>(std::move(ex), std::move(options)))
{
}

// The store outlives its operations, so nothing runs on the strand now: the idle connections
// can be closed from here.
postgresql_store::~postgresql_store() { state_->pool.close(); }

asio::any_io_executor postgresql_store::get_executor() const { return state_->executor; }

void postgresql_store::do_save(installation i, store_handler<void> handler)
{
    start<void>(state_, std::move(handler), &pg::save_installation, std::move(i));
}

void postgresql_store::do_find(installation_key key, store_handler<std::optional<installation>> handler)
{
    start<std::optional<installation>>(state_, std::move(handler), &pg::find_installation, std::move(key));
}

void postgresql_store::do_remove(installation_key key, store_handler<std::size_t> handler)
{
    start<std::size_t>(state_, std::move(handler), &pg::remove_installation, std::move(key));
}

void postgresql_store::do_remove_all(installation_key key, store_handler<std::size_t> handler)
{
    start<std::size_t>(state_, std::move(handler), &pg::remove_all_of, std::move(key));
}

void postgresql_store::do_list(installation_key after, std::size_t limit, store_handler<installation_page> handler)
{
    start<installation_page>(state_, std::move(handler), &pg::list_installations, std::move(after), limit);
}

void postgresql_store::do_replace_grant(installation_key key, grant_kind kind, std::int64_t expected_revision,
                                        token_grant grant, store_handler<bool> handler)
{
    start<bool>(state_, std::move(handler), &pg::replace_grant, std::move(key), kind, expected_revision,
                std::move(grant));
}

void postgresql_store::do_try_lease(installation_key key, grant_kind kind, std::string owner,
                                    std::chrono::milliseconds duration, store_handler<bool> handler)
{
    start<bool>(state_, std::move(handler), &pg::try_lease, std::move(key), kind, std::move(owner), duration);
}

void postgresql_store::do_release_lease(installation_key key, grant_kind kind, std::string owner,
                                        store_handler<void> handler)
{
    start<void>(state_, std::move(handler), &pg::release_lease, std::move(key), kind, std::move(owner));
}

void postgresql_store::do_reseal(installation_key after, std::size_t limit, clear_tokens clear,
                                 store_handler<reseal_page> handler)
{
    start<reseal_page>(state_, std::move(handler), &pg::reseal, std::move(after), limit, clear);
}

void postgresql_store::do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> handler)
{
    start<bool>(state_, std::move(handler), &pg::consume_nonce, std::move(nonce), expires_at);
}

}  // namespace slack::store
