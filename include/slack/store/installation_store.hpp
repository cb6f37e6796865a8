// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The asynchronous interface every installation store implements (memory_store, sqlite_store,
/// postgresql_store), as the rest of the SDK: any completion token, `void(result<T>)`.
///
/// Every operation is one atomic step in the database, so that several processes sharing one
/// database (PostgreSQL, or SQLite on one host) agree. The operations a token provider needs for
/// rotation across processes are here too: a refresh lease and a compare-and-swap of a grant.
#include <slack/config.hpp>
#include <slack/store/installation.hpp>
#include <slack/store/store_errc.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace slack::store {

/// The most installations one list() call yields.
inline constexpr std::size_t max_page_size = 1000;

/// What one list() call yields.
struct installation_page {
    /// In key order (byte order of the enterprise id, then of the team id: an enterprise's
    /// org-wide install before its workspaces), each as find(key_of(it)) yields it.
    std::vector<installation> installations;
    /// Where the next page starts: pass it as list()'s `after`. Empty when this page is the last.
    std::optional<installation_key> next;
};

/// What a store operation yields: a T, or a slack::store_errc.
template <class T>
using store_result = boost::system::result<T>;
/// The completion signature of a store operation yielding T.
template <class T>
using store_signature = void(store_result<T>);
/// The type-erased handler a backend's do_ functions complete.
template <class T>
using store_handler = boost::asio::any_completion_handler<store_signature<T>>;

namespace detail {
struct no_initiation {
    template <class... Args>
    void operator()(Args&&...) const
    {
    }
};
/// A token whose initiation yields something (deferred, use_awaitable...), which the caller may
/// co_await in the same expression; a callback yields nothing.
template <class CompletionToken, class Signature>
concept yields_operation = !std::is_void_v<decltype(boost::asio::async_initiate<CompletionToken, Signature>(
    no_initiation{}, std::declval<CompletionToken&>()))>;

// The argument checks of every store (src/store/installation_store.cpp): what is wrong with an
// operation's arguments, or no error. The public functions apply them before a backend is called.

/// invalid_key when `key` names neither a team nor an enterprise.
boost::system::error_code key_refusal(installation_key_view key) noexcept;
/// invalid_key unless `key` names one grant of `kind`: a usable key, a kind that is bot or user,
/// and for a user grant its user.
boost::system::error_code grant_refusal(installation_key_view key, grant_kind kind) noexcept;
/// invalid_page_size unless 1 <= `limit` <= max_page_size.
boost::system::error_code page_refusal(std::size_t limit) noexcept;
/// invalid_key unless `i` can be saved: an org-wide install names its enterprise, any other its team.
boost::system::error_code save_refusal(const installation& i) noexcept;
/// Completes `handler` with `refused` as every operation completes: posted, on the handler's
/// associated executor (else `fallback`), never inside the initiating call.
template <class T>
void refuse(const boost::asio::any_io_executor& fallback, store_handler<T> handler, boost::system::error_code refused);
}  // namespace detail

/// An installation store. Operations may run concurrently; each completes on the completion
/// handler's associated executor (else the store's). Arguments are copied at initiation, so
/// views and temporaries may die as soon as the call returns, even with `deferred`.
/// g++ 12 miscompiles a braced temporary with a destructor inside co_await (docs/stores.md), so
/// keys are views (`co_await store.find({e, t, u})` is safe) and the owning temporaries it would
/// miscompile do not compile: a temporary installation_key anywhere, and with a token that can be
/// awaited (the default, use_awaitable...) a temporary installation or token_grant. Name those
/// first: `installation i{...}; co_await store.save(i);`. Strings are views too.
/// Errors: slack::store_errc (unavailable, query_failed, corrupt_row, decryption_failed,
/// invalid_key, closed...). The store must outlive its operations. The SQL stores honour a
/// terminal cancellation while an operation waits for its turn (operation_aborted; their headers
/// say where); memory_store's operations do not wait.
///
/// What every backend keeps (test/store/conformance.hpp checks each backend against it): times to
/// the millisecond (floored); an org-wide install under its enterprise alone (its team_id reads
/// back empty); of a user grant its token, refresh token, expiry, scopes, revision and reinstall
/// reason (its user_id reads back as the user it is stored under, its bot_id empty).
///
/// Each operation's completion signature is `void(store_result<T>)`, T named in its comment
/// ("yields"); the default completion token is `deferred`.
class installation_store {
public:
    virtual ~installation_store() = default;

    /// Where an operation completes when its handler has no associated executor.
    virtual boost::asio::any_io_executor get_executor() const = 0;

    /// Saves `i` under key_of(i), replacing what was there, and its user grant (if any) under
    /// i.user_id. Yields nothing. Each grant written gets a fresh revision, never one its key had
    /// before (a random draw), so no compare-and-swap that read the old row succeeds on the new.
    template <class CompletionToken = default_completion_token>
    auto save(const installation& i, CompletionToken&& token = {})
    {
        return initiate<void>(&installation_store::do_save, detail::save_refusal(i), token, i);
    }
    /// A temporary (or moved) installation: moved in, with a callback; refused with a token that
    /// can be awaited in the same expression, where g++ 12 would miscompile it.
    template <class CompletionToken = default_completion_token>
    auto save(installation&& i, CompletionToken&& token = {})
    {
        static_assert(!detail::yields_operation<CompletionToken, store_signature<void>>,
                      "a temporary slack::store::installation: g++ 12 miscompiles it inside co_await. Name it "
                      "first: slack::store::installation i{...}; co_await store.save(i);");
        return initiate<void>(&installation_store::do_save, detail::save_refusal(i), token, std::move(i));
    }

    /// The installation under `key` (falling back to the enterprise's org-wide install), with the
    /// bot grant, and the user grant of key.user_id, or of the installing user when key.user_id
    /// is empty. nullopt when there is none; with key.user_id set, also when that user has no grant.
    template <class CompletionToken = default_completion_token>
    auto find(installation_key_view key, CompletionToken&& token = {})
    {
        return initiate<std::optional<installation>>(&installation_store::do_find, detail::key_refusal(key), token,
                                                     to_key(key));
    }

    /// Deletes the installation under `key` and every user grant of it; with key.user_id set,
    /// only that user's grant. Yields how many rows went (0: there was nothing).
    template <class CompletionToken = default_completion_token>
    auto remove(installation_key_view key, CompletionToken&& token = {})
    {
        return initiate<std::size_t>(&installation_store::do_remove, detail::key_refusal(key), token, to_key(key));
    }

    /// Deletes everything of a team (key.team_id), or with an empty team id, of a whole
    /// enterprise: for the app_uninstalled event. Yields how many rows went.
    template <class CompletionToken = default_completion_token>
    auto remove_all(installation_key_view key, CompletionToken&& token = {})
    {
        return initiate<std::size_t>(&installation_store::do_remove_all, detail::key_refusal(key), token, to_key(key));
    }

    /// Up to `limit` (1 to max_page_size, else store_errc::invalid_page_size) installations whose
    /// keys sort after `after` (its user_id ignored; an empty key: from the first), for listing
    /// and exports. Each page is read from one snapshot of the database, so it is consistent in
    /// itself, but an installation saved or removed between two pages may be missed or seen.
    ///     store::installation_key after;  // empty: from the first
    ///     for (;;) {
    ///         auto page = co_await store.list(after, 100);
    ///         if (!page)
    ///             co_return page.error();
    ///         for (const store::installation& i : page->installations)
    ///             show(i);
    ///         if (!page->next)
    ///             break;
    ///         after = std::move(*page->next);
    ///     }
    template <class CompletionToken = default_completion_token>
    auto list(installation_key_view after, std::size_t limit, CompletionToken&& token = {})
    {
        return initiate<installation_page>(&installation_store::do_list, detail::page_refusal(limit), token,
                                           to_key(after), limit);
    }

    /// Compare-and-swap: writes `grant` as the `kind` grant under `key`, at revision
    /// `expected_revision` + 1, only if the stored grant's revision is still `expected_revision`.
    /// Yields true when written; false when another writer got there first (a newer pair is
    /// stored: re-read it), or the grant is gone or was installed anew.
    template <class CompletionToken = default_completion_token>
    auto replace_grant(installation_key_view key, grant_kind kind, std::int64_t expected_revision,
                       const token_grant& grant, CompletionToken&& token = {})
    {
        return initiate<bool>(&installation_store::do_replace_grant, detail::grant_refusal(key, kind), token,
                              to_key(key), kind, expected_revision, grant);
    }
    /// A temporary (or moved) grant: moved in, with a callback; refused with a token that can be
    /// awaited in the same expression, where g++ 12 would miscompile it.
    template <class CompletionToken = default_completion_token>
    auto replace_grant(installation_key_view key, grant_kind kind, std::int64_t expected_revision, token_grant&& grant,
                       CompletionToken&& token = {})
    {
        static_assert(!detail::yields_operation<CompletionToken, store_signature<bool>>,
                      "a temporary slack::store::token_grant: g++ 12 miscompiles it inside co_await. Name it "
                      "first: slack::store::token_grant grant{...}; co_await store.replace_grant(key, kind, "
                      "revision, grant);");
        return initiate<bool>(&installation_store::do_replace_grant, detail::grant_refusal(key, kind), token,
                              to_key(key), kind, expected_revision, std::move(grant));
    }

    /// Takes the refresh lease of a grant for `owner` until now + `duration`, if nobody else holds
    /// an unexpired one (the holder may renew it). Yields whether `owner` holds it now.
    /// The lease is the grant's, so it is found as find() finds the grant: a team's key shares the
    /// org-wide install's lease when that is what it finds, and a bot lease ignores key.user_id.
    /// A user lease needs key.user_id (else invalid_key).
    template <class CompletionToken = default_completion_token>
    auto try_lease(installation_key_view key, grant_kind kind, std::string_view owner,
                   std::chrono::milliseconds duration, CompletionToken&& token = {})
    {
        return initiate<bool>(&installation_store::do_try_lease, detail::grant_refusal(key, kind), token, to_key(key),
                              kind, std::string(owner), duration);
    }

    /// Gives the lease back if `owner` holds it (the lease try_lease took for the same key and kind).
    /// Yields nothing.
    template <class CompletionToken = default_completion_token>
    auto release_lease(installation_key_view key, grant_kind kind, std::string_view owner, CompletionToken&& token = {})
    {
        return initiate<void>(&installation_store::do_release_lease, detail::grant_refusal(key, kind), token,
                              to_key(key), kind, std::string(owner));
    }

    /// Records that the single-use value `nonce` (an OAuth state's, an event's signature) is
    /// used, until `expires_at`. Yields true the first time; false if it was already used
    /// (a replay), from any process sharing the database. Expired records are pruned.
    template <class CompletionToken = default_completion_token>
    auto consume_nonce(std::string_view nonce, time_point expires_at, CompletionToken&& token = {})
    {
        return initiate<bool>(&installation_store::do_consume_nonce, boost::system::error_code(), token,
                              std::string(nonce), expires_at);
    }

protected:
    // What a backend implements: each takes the arguments copied, already checked (a refused call
    // never reaches it), and completes `handler` once, never inside the call (post to the
    // handler's associated executor).
    virtual void do_save(installation i, store_handler<void> handler) = 0;  ///< Implements save().
    /// Implements find().
    virtual void do_find(installation_key key, store_handler<std::optional<installation>> handler) = 0;
    virtual void do_remove(installation_key key, store_handler<std::size_t> handler) = 0;  ///< Implements remove().
    /// Implements remove_all().
    virtual void do_remove_all(installation_key key, store_handler<std::size_t> handler) = 0;
    /// Implements list().
    virtual void do_list(installation_key after, std::size_t limit, store_handler<installation_page> handler) = 0;
    /// Implements replace_grant().
    virtual void do_replace_grant(installation_key key, grant_kind kind, std::int64_t expected_revision,
                                  token_grant grant, store_handler<bool> handler) = 0;
    /// Implements try_lease().
    virtual void do_try_lease(installation_key key, grant_kind kind, std::string owner,
                              std::chrono::milliseconds duration, store_handler<bool> handler) = 0;
    /// Implements release_lease().
    virtual void do_release_lease(installation_key key, grant_kind kind, std::string owner,
                                  store_handler<void> handler) = 0;
    /// Implements consume_nonce().
    virtual void do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> handler) = 0;

private:
    // Calls the backend's `member` with the arguments copied, or, when the check said `refused`,
    // completes with that error without calling it.
    template <class T, class Member, class CompletionToken, class... Args>
    auto initiate(Member member, boost::system::error_code refused, CompletionToken& token, Args&&... args)
    {
        return boost::asio::async_initiate<CompletionToken, store_signature<T>>(
            [this, member, refused](auto handler, auto... copied) {
                if (refused)
                    return detail::refuse<T>(get_executor(), store_handler<T>(std::move(handler)), refused);
                (this->*member)(std::move(copied)..., store_handler<T>(std::move(handler)));
            },
            token, std::forward<Args>(args)...);
    }
};

}  // namespace slack::store
