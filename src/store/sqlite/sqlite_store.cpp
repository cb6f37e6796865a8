// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/store/sqlite_store.hpp>

#include "store/completion.hpp"
#include "store/sqlite/database.hpp"
#include "store/sqlite/failure.hpp"
#include "store/sqlite/operations.hpp"

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <memory>
#include <new>
#include <type_traits>

namespace slack::store {
namespace {

// Runs one operation on the worker: opens the file first if need be, and turns what it throws
// into the caller's error.
template <class T, class Work>
store_result<T> attempt(sqlite::database& database, Work& work) noexcept
{
    try {
        database.open();
        if constexpr (std::is_void_v<T>) {
            work(database);
            return {};
        } else {
            return work(database);
        }
    } catch (const sqlite::failure& f) {
        return {boost::system::in_place_error, f.code};
    } catch (const std::bad_alloc&) {
        return {boost::system::in_place_error, make_error_code(boost::system::errc::not_enough_memory)};
    } catch (...) {  // from the crypto library, say: it must not end the worker thread
        return {boost::system::in_place_error, store_errc::query_failed};
    }
}

}  // namespace

struct sqlite_store::state {
    state(boost::asio::any_io_executor ex, sqlite_options options)
        : executor(std::move(ex)), database(std::move(options))
    {
    }

    // Runs `work` (database& -> T) on the worker, then completes `handler` with its result; with
    // operation_aborted instead, without running it, when a terminal cancellation came while it
    // waited in the worker's queue. Once it runs, it runs to its end (busy_timeout bounds it).
    template <class T, class Work>
    void run(store_handler<T> handler, Work work)
    {
        std::shared_ptr<std::atomic<bool>> cancelled;  // set where the caller emits, read on the worker
        if (auto slot = boost::asio::get_associated_cancellation_slot(handler); slot.is_connected()) {
            cancelled = std::make_shared<std::atomic<bool>>(false);
            slot.assign([cancelled](boost::asio::cancellation_type type) {
                if ((type & boost::asio::cancellation_type::terminal) != boost::asio::cancellation_type::none)
                    cancelled->store(true);
            });
        }
        // Outstanding work on the handler's executor (and ours, which the completion passes
        // through) while the statement runs elsewhere: else the caller's io_context.run() could
        // return before the operation completes.
        namespace execution = boost::asio::execution;
        auto handler_work = boost::asio::prefer(boost::asio::get_associated_executor(handler, executor),
                                                execution::outstanding_work.tracked);
        auto store_work = boost::asio::prefer(executor, execution::outstanding_work.tracked);
        boost::asio::post(
            worker, [this, handler = std::move(handler), work = std::move(work), cancelled,
                     handler_work = std::move(handler_work), store_work = std::move(store_work)]() mutable {
                // Posted before the work guards go with this function object, so the count never drops to 0.
                if (cancelled && cancelled->load())
                    detail::complete<T>(
                        executor, handler,
                        store_result<T>(boost::system::in_place_error, boost::asio::error::operation_aborted));
                else
                    detail::complete<T>(executor, handler, attempt<T>(database, work));
            });
    }

    boost::asio::any_io_executor executor;
    sqlite::database database;  // used on the worker thread only
    // Last: joined (in ~sqlite_store) before the database closes. One thread: one statement at a
    // time, in the order the operations were started.
    boost::asio::thread_pool worker{1};
};

sqlite_store::sqlite_store(boost::asio::any_io_executor ex, sqlite_options options)
    : state_(std::make_unique<state>(std::move(ex), std::move(options)))
{
}

sqlite_store::~sqlite_store()
{
    state_->worker.join();  // the operations started finish first
}

boost::asio::any_io_executor sqlite_store::get_executor() const { return state_->executor; }

void sqlite_store::do_save(installation i, store_handler<void> handler)
{
    state_->run(std::move(handler), [i = std::move(i)](sqlite::database& db) { sqlite::save(db, i); });
}

void sqlite_store::do_find(installation_key key, store_handler<std::optional<installation>> handler)
{
    state_->run(std::move(handler), [key = std::move(key)](sqlite::database& db) { return sqlite::find(db, key); });
}

void sqlite_store::do_remove(installation_key key, store_handler<std::size_t> handler)
{
    state_->run(std::move(handler), [key = std::move(key)](sqlite::database& db) { return sqlite::remove(db, key); });
}

void sqlite_store::do_remove_all(installation_key key, store_handler<std::size_t> handler)
{
    state_->run(std::move(handler),
                [key = std::move(key)](sqlite::database& db) { return sqlite::remove_all(db, key); });
}

void sqlite_store::do_list(installation_key after, std::size_t limit, store_handler<installation_page> handler)
{
    state_->run(std::move(handler),
                [after = std::move(after), limit](sqlite::database& db) { return sqlite::list(db, after, limit); });
}

void sqlite_store::do_replace_grant(installation_key key, grant_kind kind, std::int64_t expected_revision,
                                    token_grant grant, store_handler<bool> handler)
{
    state_->run(std::move(handler),
                [key = std::move(key), kind, expected_revision, grant = std::move(grant)](sqlite::database& db) {
                    return sqlite::replace_grant(db, key, kind, expected_revision, grant);
                });
}

void sqlite_store::do_try_lease(installation_key key, grant_kind kind, std::string owner,
                                std::chrono::milliseconds duration, store_handler<bool> handler)
{
    state_->run(std::move(handler),
                [key = std::move(key), kind, owner = std::move(owner), duration](sqlite::database& db) {
                    return sqlite::try_lease(db, key, kind, owner, duration);
                });
}

void sqlite_store::do_release_lease(installation_key key, grant_kind kind, std::string owner,
                                    store_handler<void> handler)
{
    state_->run(std::move(handler), [key = std::move(key), kind, owner = std::move(owner)](sqlite::database& db) {
        sqlite::release_lease(db, key, kind, owner);
    });
}

void sqlite_store::do_reseal(installation_key after, std::size_t limit, clear_tokens clear,
                             store_handler<reseal_page> handler)
{
    state_->run(std::move(handler), [after = std::move(after), limit, clear](sqlite::database& db) {
        return sqlite::reseal(db, after, limit, clear);
    });
}

void sqlite_store::do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> handler)
{
    state_->run(std::move(handler), [nonce = std::move(nonce), expires_at](sqlite::database& db) {
        return sqlite::consume_nonce(db, nonce, expires_at);
    });
}

}  // namespace slack::store
