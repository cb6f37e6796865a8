// The token provider: a cache in front of the store, one flight per grant in this process, and
// the refresh protocol (lease, re-read, refresh, compare-and-swap) across processes.
#include <slack/install/token_provider.hpp>

#include <slack/install/installation_from.hpp>
#include <slack/web/oauth.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "crypto/random.hpp"

#include <openssl/crypto.h>

#include <map>
#include <mutex>
#include <tuple>
#include <vector>

// g++ 12 pairs an awaitable frame's operator delete with the aligned_alloc inside Asio's frame
// recycling and warns; the pair is Asio's own and matches.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace slack::install {
namespace asio = boost::asio;
using boost::system::error_code;
using boost::system::result;
using store::grant_kind;
using store::installation_key;
using store::token_grant;

namespace detail {
namespace {

using cache_key = std::tuple<std::string, std::string, std::string, grant_kind>;

cache_key cache_key_of(const installation_key& key, grant_kind kind)
{
    return {key.enterprise_id, key.team_id, key.user_id, kind};
}

// Callers waiting for one grant's fetch or refresh.
struct flight {
    std::vector<token_handler> waiters;
};

struct cached_grant {
    std::string token;
    std::optional<store::time_point> expires_at;
    bool rejected = false;  // invalidate(): a call said this token is no good
    std::shared_ptr<flight> in_flight;
};

// A grant as read from the store, with the key of the row it came from (an org-wide install
// answers for its workspaces: the lease and the swap must name that row, not the asked key).
struct stored_grant {
    installation_key row_key;
    token_grant grant;
};

}  // namespace

class token_provider_impl : public std::enable_shared_from_this<token_provider_impl> {
public:
    token_provider_impl(web::client& c, store::installation_store& s, token_provider_options o)
        : client(c), store(s), options(std::move(o)), owner(crypto::random_token(12)), executor(c.get_executor())
    {
    }

    ~token_provider_impl() { OPENSSL_cleanse(options.client_secret.data(), options.client_secret.size()); }

    web::client& client;
    store::installation_store& store;
    token_provider_options options;
    const std::string owner;  // this provider's name in the lease table
    const asio::any_io_executor executor;

    std::mutex mutex;  // guards what follows
    std::map<cache_key, cached_grant> cache;
    token_provider_stats stats;

    // Valid for longer than the margin, and not the token a call just rejected.
    bool usable(const std::string& token, const std::optional<store::time_point>& expires_at,
                const std::string& rejected) const
    {
        if (token.empty() || token == rejected)
            return false;
        return !expires_at || *expires_at - std::chrono::system_clock::now() > options.refresh_margin;
    }

    void count(std::size_t token_provider_stats::*counter)
    {
        std::lock_guard lock(mutex);
        ++(stats.*counter);
    }

    asio::awaitable<result<stored_grant>> read(const installation_key& key, grant_kind kind)
    {
        count(&token_provider_stats::store_reads);
        auto found = co_await store.find(key);
        if (!found)
            co_return found.error();
        if (!*found)
            co_return error_code(store_errc::not_found);
        std::optional<token_grant>& grant = kind == grant_kind::bot ? (*found)->bot : (*found)->user;
        if (!grant)
            co_return error_code(store_errc::not_found);
        installation_key row_key = store::key_of(**found);
        row_key.user_id = kind == grant_kind::user ? key.user_id : std::string();
        co_return stored_grant{std::move(row_key), std::move(*grant)};
    }

    // Holding the lease: read again, and refresh only if nobody did meanwhile.
    asio::awaitable<result<token_grant>> refresh_holding_lease(const installation_key& key, grant_kind kind,
                                                               const std::string& rejected)
    {
        auto row = co_await read(key, kind);
        if (!row)
            co_return row.error();
        token_grant& stored = row->grant;
        if (usable(stored.token, stored.expires_at, rejected))
            co_return stored;
        if (stored.refresh_token.empty())
            co_return error_code(store_errc::not_rotating);
        count(&token_provider_stats::refreshes);
        // One workspace's 429 on a refresh must not hold back another's: the rate key is the installation.
        const std::string& workspace = row->row_key.team_id.empty() ? row->row_key.enterprise_id : row->row_key.team_id;
        auto answer = co_await web::oauth(client).v2_refresh({.client_id = options.client_id,
                                                              .client_secret = options.client_secret,
                                                              .refresh_token = stored.refresh_token,
                                                              .rate_key = workspace});
        if (!answer)
            co_return answer.error();
        token_grant fresh = grant_from_refresh(*answer, stored);
        auto written = co_await store.replace_grant(row->row_key, kind, stored.revision, fresh);
        if (!written)
            co_return written.error();
        if (*written) {
            fresh.revision = stored.revision + 1;
            co_return fresh;
        }
        // Someone wrote a newer pair while we held the lease (it had expired): theirs is stored.
        count(&token_provider_stats::lost_swaps);
        auto newer = co_await read(key, kind);
        if (newer && usable(newer->grant.token, newer->grant.expires_at, rejected))
            co_return newer->grant;
        co_return fresh;  // ours is valid too: Slack just issued it
    }

    asio::awaitable<result<token_grant>> obtain(installation_key key, grant_kind kind, std::string rejected)
    {
        if (kind == grant_kind::user && key.user_id.empty())
            co_return error_code(store_errc::invalid_key);
        const auto give_up_at = std::chrono::steady_clock::now() + options.wait_limit;
        installation_key lease_key;
        for (;;) {
            auto row = co_await read(key, kind);
            if (!row)
                co_return row.error();
            const token_grant& stored = row->grant;
            if (usable(stored.token, stored.expires_at, rejected))
                co_return stored;
            if (stored.refresh_token.empty()) {
                // Nothing to refresh with: a token without expiry is handed back even if a call
                // rejected it (the caller sees Slack's error again); an expiring one is not.
                if (!stored.expires_at)
                    co_return stored;
                co_return error_code(store_errc::not_rotating);
            }
            lease_key = row->row_key;
            auto held = co_await store.try_lease(lease_key, kind, owner, options.lease_duration);
            if (!held)
                co_return held.error();
            if (*held)
                break;
            if (std::chrono::steady_clock::now() >= give_up_at)
                co_return error_code(store_errc::refresh_busy);
            count(&token_provider_stats::lease_waits);
            asio::steady_timer pause(executor, options.lease_poll);
            co_await pause.async_wait(asio::as_tuple(asio::deferred));
        }
        auto outcome = co_await refresh_holding_lease(key, kind, rejected);
        // A failed release only delays others until the lease expires.
        co_await store.release_lease(lease_key, kind, owner);
        co_return outcome;
    }

    asio::awaitable<void> run_flight(cache_key slot, installation_key key, grant_kind kind, std::string rejected)
    {
        result<token_grant> outcome = co_await obtain(std::move(key), kind, std::move(rejected));
        std::vector<token_handler> waiters;
        {
            std::lock_guard lock(mutex);
            cached_grant& entry = cache[slot];
            entry.rejected = false;
            if (outcome) {
                entry.token = outcome->token;
                entry.expires_at = outcome->expires_at;
            } else {
                entry.token.clear();  // the next request reads the store first
                entry.expires_at.reset();
            }
            waiters = std::move(entry.in_flight->waiters);
            entry.in_flight.reset();
        }
        for (token_handler& waiter : waiters) {
            result<std::string> value = outcome ? result<std::string>(outcome->token) : result<std::string>(outcome.error());
            asio::post(executor, asio::append(std::move(waiter), std::move(value)));
        }
    }
};

void start_token(const std::shared_ptr<token_provider_impl>& impl, installation_key key, grant_kind kind,
                 token_handler handler)
{
    cache_key slot = cache_key_of(key, kind);
    std::string rejected;
    {
        std::lock_guard lock(impl->mutex);
        cached_grant& entry = impl->cache[slot];
        if (!entry.rejected && !entry.in_flight && impl->usable(entry.token, entry.expires_at, {})) {
            ++impl->stats.served_from_memory;
            asio::post(impl->executor, asio::append(std::move(handler), result<std::string>(entry.token)));
            return;
        }
        if (entry.in_flight) {
            entry.in_flight->waiters.push_back(std::move(handler));
            return;
        }
        entry.in_flight = std::make_shared<flight>();
        entry.in_flight->waiters.push_back(std::move(handler));
        if (entry.rejected)
            rejected = entry.token;
    }
    asio::co_spawn(impl->executor, impl->run_flight(std::move(slot), std::move(key), kind, std::move(rejected)),
                   asio::detached);
}

}  // namespace detail

token_provider::token_provider(web::client& client, store::installation_store& store, token_provider_options options)
    : impl_(std::make_shared<detail::token_provider_impl>(client, store, std::move(options)))
{
}
token_provider::token_provider(token_provider&&) noexcept = default;
token_provider& token_provider::operator=(token_provider&&) noexcept = default;
token_provider::~token_provider() = default;

void token_provider::invalidate(store::installation_key_view key, grant_kind kind)
{
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->cache.find(detail::cache_key_of(store::to_key(key), kind));
    if (it != impl_->cache.end())
        it->second.rejected = true;
}

token_provider_stats token_provider::stats() const
{
    std::lock_guard lock(impl_->mutex);
    return impl_->stats;
}

}  // namespace slack::install
