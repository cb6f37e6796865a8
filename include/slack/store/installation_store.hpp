#pragma once
// The asynchronous interface every installation store implements (memory_store, sqlite_store,
// postgresql_store), as the rest of the SDK: any completion token, `void(result<T>)`.
//
// Every operation is one atomic step in the database, so that several processes sharing one
// database (PostgreSQL, or SQLite on one host) agree. The operations a token provider needs for
// rotation across processes are here too: a refresh lease and a compare-and-swap of a grant.
#include <slack/store/installation.hpp>
#include <slack/store/store_errc.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/system/result.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
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

template <class T>
using store_result = boost::system::result<T>;
template <class T>
using store_signature = void(store_result<T>);
template <class T>
using store_handler = boost::asio::any_completion_handler<store_signature<T>>;

/// An installation store. Operations may run concurrently; each completes on the completion
/// handler's associated executor (else the store's). Arguments are copied at initiation, so
/// views and temporaries may die as soon as the call returns, even with `deferred`.
/// Keys are taken as installation_key_view, so `co_await store.find({e, t, u})` is safe with g++ 12
/// (not `find(installation_key{e, t, u})`: that braced temporary is what g++ 12 miscompiles). An
/// installation or a grant is not a view: name it in a statement of its own before co_await
/// (`co_await store.save(installation{...})` is miscompiled too, see docs/stores.md).
/// Errors: slack::store_errc (unavailable, query_failed, corrupt_row, decryption_failed,
/// invalid_key, closed...). The store must outlive its operations.
///
/// What every backend keeps (test/store/conformance.hpp checks each backend against it): times to
/// the millisecond (floored); an org-wide install under its enterprise alone (its team_id reads
/// back empty); of a user grant its token, refresh token, expiry, scopes and revision (its user_id
/// reads back as the user it is stored under, its bot_id empty).
class installation_store {
public:
    virtual ~installation_store() = default;

    /// Saves `i` under key_of(i), replacing what was there, and its user grant (if any) under
    /// i.user_id. Yields nothing. Grants' revisions are bumped.
    template <class CompletionToken = boost::asio::deferred_t>
    auto save(installation i, CompletionToken&& token = {})
    {
        return initiate<void>(&installation_store::do_save, token, std::move(i));
    }

    /// The installation under `key` (falling back to the enterprise's org-wide install), with the
    /// bot grant, and the user grant of key.user_id, or of the installing user when key.user_id
    /// is empty. nullopt when there is none; with key.user_id set, also when that user has no grant.
    template <class CompletionToken = boost::asio::deferred_t>
    auto find(installation_key_view key, CompletionToken&& token = {})
    {
        return initiate<std::optional<installation>>(&installation_store::do_find, token, to_key(key));
    }

    /// Deletes the installation under `key` and every user grant of it; with key.user_id set,
    /// only that user's grant. Yields how many rows went (0: there was nothing).
    template <class CompletionToken = boost::asio::deferred_t>
    auto remove(installation_key_view key, CompletionToken&& token = {})
    {
        return initiate<std::size_t>(&installation_store::do_remove, token, to_key(key));
    }

    /// Deletes everything of a team (key.team_id), or with an empty team id, of a whole
    /// enterprise: for the app_uninstalled event. Yields how many rows went.
    template <class CompletionToken = boost::asio::deferred_t>
    auto remove_all(installation_key_view key, CompletionToken&& token = {})
    {
        return initiate<std::size_t>(&installation_store::do_remove_all, token, to_key(key));
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
    template <class CompletionToken = boost::asio::deferred_t>
    auto list(installation_key_view after, std::size_t limit, CompletionToken&& token = {})
    {
        return initiate<installation_page>(&installation_store::do_list, token, to_key(after), limit);
    }

    /// Compare-and-swap: writes `grant` as the `kind` grant under `key` only if the stored grant's
    /// revision is still `expected_revision`. Yields true when written; false when another writer
    /// got there first (a newer pair is stored: re-read it) or the grant is gone.
    template <class CompletionToken = boost::asio::deferred_t>
    auto replace_grant(installation_key_view key, grant_kind kind, std::int64_t expected_revision, token_grant grant,
                       CompletionToken&& token = {})
    {
        return initiate<bool>(&installation_store::do_replace_grant, token, to_key(key), kind, expected_revision,
                              std::move(grant));
    }

    /// Takes the refresh lease of a grant for `owner` until now + `duration`, if nobody else holds
    /// an unexpired one (the holder may renew it). Yields whether `owner` holds it now.
    /// The lease is the grant's, so it is found as find() finds the grant: a team's key shares the
    /// org-wide install's lease when that is what it finds, and a bot lease ignores key.user_id.
    /// A user lease needs key.user_id (else invalid_key).
    template <class CompletionToken = boost::asio::deferred_t>
    auto try_lease(installation_key_view key, grant_kind kind, std::string owner, std::chrono::milliseconds duration,
                   CompletionToken&& token = {})
    {
        return initiate<bool>(&installation_store::do_try_lease, token, to_key(key), kind, std::move(owner),
                              duration);
    }

    /// Gives the lease back if `owner` holds it (the lease try_lease took for the same key and kind).
    /// Yields nothing.
    template <class CompletionToken = boost::asio::deferred_t>
    auto release_lease(installation_key_view key, grant_kind kind, std::string owner, CompletionToken&& token = {})
    {
        return initiate<void>(&installation_store::do_release_lease, token, to_key(key), kind, std::move(owner));
    }

    /// Records that the single-use value `nonce` (an OAuth state's, an event's signature) is
    /// used, until `expires_at`. Yields true the first time; false if it was already used
    /// (a replay), from any process sharing the database. Expired records are pruned.
    template <class CompletionToken = boost::asio::deferred_t>
    auto consume_nonce(std::string nonce, time_point expires_at, CompletionToken&& token = {})
    {
        return initiate<bool>(&installation_store::do_consume_nonce, token, std::move(nonce), expires_at);
    }

protected:
    virtual void do_save(installation i, store_handler<void> handler) = 0;
    virtual void do_find(installation_key key, store_handler<std::optional<installation>> handler) = 0;
    virtual void do_remove(installation_key key, store_handler<std::size_t> handler) = 0;
    virtual void do_remove_all(installation_key key, store_handler<std::size_t> handler) = 0;
    virtual void do_list(installation_key after, std::size_t limit, store_handler<installation_page> handler) = 0;
    virtual void do_replace_grant(installation_key key, grant_kind kind, std::int64_t expected_revision,
                                  token_grant grant, store_handler<bool> handler) = 0;
    virtual void do_try_lease(installation_key key, grant_kind kind, std::string owner,
                              std::chrono::milliseconds duration, store_handler<bool> handler) = 0;
    virtual void do_release_lease(installation_key key, grant_kind kind, std::string owner,
                                  store_handler<void> handler) = 0;
    virtual void do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> handler) = 0;

private:
    template <class T, class Member, class CompletionToken, class... Args>
    auto initiate(Member member, CompletionToken& token, Args&&... args)
    {
        return boost::asio::async_initiate<CompletionToken, store_signature<T>>(
            [this, member](auto handler, auto... copied) {
                (this->*member)(std::move(copied)..., store_handler<T>(std::move(handler)));
            },
            token, std::forward<Args>(args)...);
    }
};

}  // namespace slack::store
