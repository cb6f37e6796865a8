// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The token provider: a bounded cache in front of the store, one lookup per asked key and one
// refresh per grant in this process, and the refresh protocol across processes (lease, re-read,
// refresh with one re-send after a lost answer, compare-and-swap, and a write that is retried
// rather than dropped).
#include <slack/install/token_provider.hpp>

#include <slack/client_errc.hpp>
#include <slack/condition.hpp>
#include <slack/install/installation_from.hpp>
#include <slack/web/oauth.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "crypto/random.hpp"
#include "detail/start_operation.hpp"
#include "install/flight.hpp"
#include "install/grant_cache.hpp"
#include "install/refresh_protocol.hpp"

#include <openssl/crypto.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <variant>

namespace slack::install {
namespace asio = boost::asio;
using boost::system::error_code;
using boost::system::result;
using store::grant_kind;
using store::installation_key;
using store::token_grant;

std::string_view to_string(token_event::kind k) noexcept
{
    switch (k) {
    case token_event::kind::refreshed: return "refreshed";
    case token_event::kind::refresh_answer_lost: return "refresh_answer_lost";
    case token_event::kind::write_failed: return "write_failed";
    case token_event::kind::written_late: return "written_late";
    case token_event::kind::pair_superseded: return "pair_superseded";
    case token_event::kind::marked_for_reinstall: return "marked_for_reinstall";
    case token_event::kind::reinstall_required: return "reinstall_required";
    }
    return "unknown";
}

namespace detail {
namespace {

// A bot grant is the installation's whoever asks: the user id plays no part in finding it.
grant_id asked_id(const installation_key& key, grant_kind kind)
{
    return {key.enterprise_id, key.team_id, kind == grant_kind::user ? key.user_id : std::string(), kind};
}

installation_key key_of(const grant_id& id) { return {id.enterprise_id, id.team_id, id.user_id}; }

// A grant as read from the store, and which grant it is (an org-wide install answers for each of
// its workspaces: the lease and the swap name its row, not the asked key).
struct stored_grant {
    grant_id id;
    token_grant grant;
};

// The renewals of one lease (token_provider_impl::keep_lease). Everything here is touched on
// the strand only.
struct lease_renewal {
    explicit lease_renewal(asio::strand<asio::any_io_executor> s) : strand(std::move(s)), timer(strand) {}
    asio::strand<asio::any_io_executor> strand;
    asio::steady_timer timer;
    bool stopped = false;
    bool finished = false;                                            // the renewing coroutine has ended
    std::optional<asio::any_completion_handler<void()>> on_finished;  // lease_keeper::stop's waiter

    void stop()
    {
        stopped = true;
        timer.cancel();
    }
    void finish()
    {
        finished = true;
        if (on_finished) {
            auto waiter = std::move(*on_finished);
            on_finished.reset();
            asio::post(strand, std::move(waiter));
        }
    }
};

// Keeps a lease renewed from the moment it is taken until it is given back: stop() ends the
// renewals and waits for one in progress, so that no renewal can take the lease again after its
// release. Destroyed without stop() (a refresh ended by an exception), it still ends them, and the
// lease expires.
class lease_keeper {
public:
    explicit lease_keeper(std::shared_ptr<lease_renewal> renewal) : renewal_(std::move(renewal)) {}
    lease_keeper(lease_keeper&&) noexcept = default;
    lease_keeper& operator=(lease_keeper&&) = delete;
    ~lease_keeper()
    {
        if (renewal_)
            asio::dispatch(renewal_->strand, [renewal = renewal_] { renewal->stop(); });
    }

    asio::awaitable<void> stop()
    {
        auto renewal = renewal_;
        return asio::async_initiate<const asio::use_awaitable_t<>, void()>(
            [renewal](auto handler) {
                asio::dispatch(renewal->strand, [renewal, handler = std::move(handler)]() mutable {
                    renewal->stop();
                    if (renewal->finished)
                        asio::post(renewal->strand, std::move(handler));
                    else
                        renewal->on_finished.emplace(std::move(handler));
                });
            },
            asio::use_awaitable);
    }

private:
    std::shared_ptr<lease_renewal> renewal_;
};

flight_outcome failure(error_code error, slack::diagnostics diag = {})
{
    return {.token = result<std::string>(boost::system::in_place_error, error), .diag = std::move(diag)};
}

}  // namespace

class token_provider_impl : public std::enable_shared_from_this<token_provider_impl> {
public:
    token_provider_impl(web::client& c, store::installation_store& s, token_provider_options o)
        : client(c),
          store(s),
          options(std::move(o)),
          owner_prefix(crypto::random_token(12)),
          executor(c.get_executor()),
          cache(options.max_cached_grants)
    {
    }

    ~token_provider_impl() { OPENSSL_cleanse(options.client_secret.data(), options.client_secret.size()); }

    web::client& client;
    store::installation_store& store;
    token_provider_options options;
    const std::string owner_prefix;  // this provider's part of its lease owners' names
    const asio::any_io_executor executor;

    std::mutex mutex;  // guards what follows
    grant_cache cache;
    std::map<grant_id, std::shared_ptr<flight>> lookups;  // by asked key
    token_provider_stats stats;
    std::uint64_t leases_taken = 0;

    grant_judge judge() const { return {options.refresh_margin}; }

    // Valid for longer than the margin, and not the token a call rejected.
    bool usable(const std::string& token, const std::optional<store::time_point>& expires_at,
                const std::string& rejected) const
    {
        return judge().usable(token, expires_at, rejected, wall_clock::now());
    }

    void count(std::size_t token_provider_stats::*counter, int by = 1)
    {
        std::lock_guard lock(mutex);
        stats.*counter += static_cast<std::size_t>(by);
    }

    // Each refresh leases under a name of its own, so that one refresh can never release or renew
    // another's lease, in this process or any other.
    std::string new_lease_owner()
    {
        std::lock_guard lock(mutex);
        return owner_prefix + '-' + std::to_string(++leases_taken);
    }

    void emit(token_event::kind what, const grant_id& id, error_code error = {}, unsigned attempt = 0)
    {
        if (!options.on_event)
            return;
        const token_event event{.what = what,
                                .enterprise_id = id.enterprise_id,
                                .team_id = id.team_id,
                                .user_id = id.user_id,
                                .grant = id.kind,
                                .error = error,
                                .attempt = attempt};
        try {
            options.on_event(event);
        } catch (...) {
            // A hook must not stop a pair from being written or its waiters from completing.
        }
    }

    void complete(std::vector<outcome_handler> waiters, const flight_outcome& outcome)
    {
        for (outcome_handler& waiter : waiters)
            asio::post(executor, asio::append(std::move(waiter), outcome));
    }

    // Arms the flight's timer for its earliest deadline; the waiters past it leave with timeout.
    void arm(const std::shared_ptr<flight>& f)
    {
        const auto next = f->next_deadline();
        if (!next)
            return;
        f->timer().expires_at(*next);
        f->timer().async_wait([weak = weak_from_this(), f](error_code ec) {
            auto self = weak.lock();
            if (ec || !self)
                return;  // cancelled: the flight ended
            std::vector<outcome_handler> expired;
            {
                std::lock_guard lock(self->mutex);
                if (f->outcome())
                    return;
                expired = f->expire(flight::clock::now());
                self->arm(f);
            }
            self->complete(std::move(expired), failure(client_errc::timeout));
        });
    }

    // Waits for `f`'s outcome (at once if it is already done).
    asio::awaitable<flight_outcome> join(std::shared_ptr<flight> f)
    {
        return asio::async_initiate<const asio::use_awaitable_t<>, void(flight_outcome)>(
            [this, f](auto handler) {
                std::unique_lock lock(mutex);
                if (f->outcome()) {
                    flight_outcome done = *f->outcome();
                    lock.unlock();
                    asio::post(executor, asio::append(std::move(handler), std::move(done)));
                    return;
                }
                f->join(outcome_handler(std::move(handler)));
            },
            asio::use_awaitable);
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
        const installation_key row = store::key_of(**found);
        grant_id id{row.enterprise_id, row.team_id, kind == grant_kind::user ? key.user_id : std::string(), kind};
        co_return stored_grant{std::move(id), std::move(*grant)};
    }

    // ---- one asked key: read the row, serve it or wait for the grant's refresh ----

    static asio::awaitable<void> run_lookup(std::shared_ptr<token_provider_impl> self, grant_id asked,
                                            std::shared_ptr<flight> f)
    {
        // However this ends (an exception, a destroyed frame), the waiters complete and the key is free.
        struct finisher {
            token_provider_impl& impl;
            const grant_id& asked;
            const std::shared_ptr<flight>& f;
            void operator()(const flight_outcome& outcome)
            {
                std::vector<outcome_handler> waiters;
                {
                    std::lock_guard lock(impl.mutex);
                    if (f->outcome())
                        return;
                    if (auto it = impl.lookups.find(asked); it != impl.lookups.end() && it->second == f)
                        impl.lookups.erase(it);
                    waiters = f->finish(outcome);
                }
                impl.complete(std::move(waiters), outcome);
            }
            ~finisher() { (*this)(flight_outcome{}); }
        } finish{*self, asked, f};
        flight_outcome outcome = co_await self->look_up(asked);
        finish(outcome);
    }

    asio::awaitable<flight_outcome> look_up(const grant_id& asked)
    {
        auto row = co_await read(key_of(asked), asked.kind);
        if (!row)
            co_return failure(row.error());
        std::shared_ptr<flight> refresh;
        bool start = false;
        std::string rejected;
        {
            std::lock_guard lock(mutex);
            cached_grant& entry = cache.remember(asked, row->id);
            rejected = entry.rejected;
            switch (step_for_lookup(entry, row->grant, judge(), wall_clock::now())) {
            case lookup_step::held: {
                flight_outcome held{.token = entry.token};
                co_return held;
            }
            case lookup_step::serve: {
                entry.token = row->grant.token;
                entry.expires_at = row->grant.expires_at;
                flight_outcome served{.token = row->grant.token};
                co_return served;
            }
            case lookup_step::not_rotating: co_return failure(store_errc::not_rotating);
            case lookup_step::reinstall_required: break;
            case lookup_step::refresh:
                if (!entry.refreshing) {
                    entry.refreshing = std::make_shared<flight>(executor);
                    start = true;
                }
                refresh = entry.refreshing;
            }
        }
        if (!refresh) {
            emit(token_event::kind::reinstall_required, row->id);
            co_return failure(store_errc::reinstall_required);
        }
        if (start)
            asio::co_spawn(executor, run_refresh(shared_from_this(), std::move(*row), refresh, std::move(rejected)),
                           asio::detached);
        co_return co_await join(std::move(refresh));
    }

    // ---- one grant: the refresh protocol ----

    static asio::awaitable<void> run_refresh(std::shared_ptr<token_provider_impl> self, stored_grant first,
                                             std::shared_ptr<flight> f, std::string rejected)
    {
        struct finisher {
            token_provider_impl& impl;
            const grant_id id;
            const std::shared_ptr<flight>& f;
            void operator()(const flight_outcome& outcome, const std::optional<token_grant>& fresh)
            {
                std::vector<outcome_handler> waiters;
                {
                    std::lock_guard lock(impl.mutex);
                    if (f->outcome())
                        return;
                    if (cached_grant* entry = impl.cache.grant(id)) {
                        if (fresh) {
                            entry->token = fresh->token;
                            entry->expires_at = fresh->expires_at;
                        } else if (!impl.usable(entry->token, entry->expires_at, entry->rejected)) {
                            entry->token.clear();  // the next request reads the store first
                            entry->expires_at.reset();
                        }
                        entry->refreshing.reset();
                    }
                    waiters = f->finish(outcome);
                }
                impl.complete(std::move(waiters), outcome);
            }
            ~finisher() { (*this)(flight_outcome{}, std::nullopt); }
        } finish{*self, first.id, f};
        slack::diagnostics diag;
        result<token_grant> outcome = co_await self->refresh(first, rejected, diag);
        if (outcome)
            finish(flight_outcome{.token = outcome->token, .diag = std::move(diag)}, *outcome);
        else
            finish(failure(outcome.error(), std::move(diag)), std::nullopt);
    }

    // Takes the grant's lease (waiting while another process holds it), then refreshes holding it:
    // the I/O of each step refresh_protocol names.
    asio::awaitable<result<token_grant>> refresh(const stored_grant& row, const std::string& rejected,
                                                 slack::diagnostics& diag)
    {
        using step = refresh_protocol::step;
        const grant_id id = row.id;
        const installation_key key = key_of(id);
        const std::string owner = new_lease_owner();
        refresh_protocol protocol(row.grant, rejected, judge(), steady_clock::now() + options.wait_limit);
        std::optional<lease_keeper> renewing;
        for (step next = protocol.start(wall_clock::now());;) {
            note(next, id);
            switch (next.what) {
            case step::take_lease: {
                const result<bool> held = co_await store.try_lease(key, id.kind, owner, options.lease_duration);
                next = protocol.on_lease(held, steady_clock::now());
                if (protocol.lease_held() && !renewing)
                    renewing.emplace(keep_lease(id, owner));
                break;
            }
            case step::pause: {
                asio::steady_timer pause(executor, options.lease_poll);
                co_await pause.async_wait(asio::as_tuple(asio::deferred));
                next = protocol.on_paused();
                break;
            }
            case step::read: {
                result<token_grant> now = co_await read_grant(key, id.kind);
                next = protocol.on_read(std::move(now), wall_clock::now());
                break;
            }
            case step::send: {
                if (protocol.resending())
                    diag.clear();
                const auto answer = co_await send_refresh(id, protocol.stored().refresh_token, diag);
                next = protocol.on_sent(answer ? result<token_grant>(grant_from_refresh(*answer, protocol.stored()))
                                               : result<token_grant>(answer.error()));
                break;
            }
            case step::write: {
                pair_write write(protocol.stored(), protocol.fresh());
                const pair_write::step how = co_await write_pair(key, id.kind, write);
                next = protocol.on_written(how, std::move(write.newer()), write.error(), wall_clock::now());
                break;
            }
            case step::mark: {
                {
                    // Until the mark is stored, this process at least never sends that refresh token again.
                    std::lock_guard lock(mutex);
                    if (cached_grant* entry = cache.grant(id))
                        entry->lost_refresh_token = protocol.stored().refresh_token;
                }
                const result<bool> swapped =
                    co_await store.replace_grant(key, id.kind, protocol.stored().revision, protocol.marked());
                next = protocol.on_marked(swapped);
                break;
            }
            case step::done:
                if (const token_grant* pending = protocol.pending_write()) {
                    // A write the store refused goes on in the background, holding the lease.
                    asio::co_spawn(
                        executor,
                        retry_write(shared_from_this(), id, protocol.stored(), *pending, owner, std::move(*renewing)),
                        asio::detached);
                    renewing.reset();
                }
                if (renewing) {
                    co_await renewing->stop();
                    co_await store.release_lease(key, id.kind, owner);  // failing only delays others until it expires
                }
                co_return protocol.outcome();
            }
        }
    }

    void note(const refresh_protocol::step& s, const grant_id& id)
    {
        if (s.counter)
            count(s.counter);
        if (s.event)
            emit(*s.event, id, s.event_error);
    }

    asio::awaitable<result<token_grant>> read_grant(const installation_key& key, grant_kind kind)
    {
        auto row = co_await read(key, kind);
        if (!row)
            co_return row.error();
        co_return std::move(row->grant);
    }

    // oauth.v2.access with the refresh token, renewing the lease while the call runs.
    asio::awaitable<result<web::v2_access_response>> send_refresh(const grant_id& id, const std::string& refresh_token,
                                                                  slack::diagnostics& diag)
    {
        // One workspace's 429 on a refresh must not hold back another's: the rate key is the installation.
        const std::string& workspace = id.team_id.empty() ? id.enterprise_id : id.team_id;
        co_return co_await web::oauth(client).v2_refresh({.client_id = options.client_id,
                                                          .client_secret = options.client_secret,
                                                          .refresh_token = refresh_token,
                                                          .rate_key = workspace},
                                                         diag);
    }

    // Renews the lease every third of its duration until the keeper stops it, so that a slow
    // refresh (or a pending write) is never taken over by another replica that would mint a second
    // pair. The renewals run on a strand of their own.
    lease_keeper keep_lease(const grant_id& id, const std::string& owner)
    {
        auto renewal = std::make_shared<lease_renewal>(asio::make_strand(executor));
        asio::co_spawn(renewal->strand, renew_lease(shared_from_this(), renewal, id, owner), asio::detached);
        return lease_keeper(std::move(renewal));
    }

    static asio::awaitable<void> renew_lease(std::shared_ptr<token_provider_impl> self,
                                             std::shared_ptr<lease_renewal> renewal, grant_id id, std::string owner)
    {
        const installation_key key = key_of(id);
        while (!renewal->stopped) {
            renewal->timer.expires_after(self->options.lease_duration / 3);
            auto [ec] = co_await renewal->timer.async_wait(asio::as_tuple(asio::use_awaitable));
            if (ec || renewal->stopped)
                break;
            co_await self->store.try_lease(key, id.kind, owner, self->options.lease_duration);
        }
        renewal->finish();
    }

    // One write of a new pair: the swaps and re-reads pair_write asks for, until it decides.
    asio::awaitable<pair_write::step> write_pair(const installation_key& key, grant_kind kind, pair_write& write)
    {
        for (pair_write::step next = write.start();;) {
            if (next == pair_write::step::swap) {
                const result<bool> swapped = co_await store.replace_grant(key, kind, write.expected(), write.fresh());
                next = write.on_swapped(swapped);
            } else if (next == pair_write::step::read) {
                result<token_grant> now = co_await read_grant(key, kind);
                next = write.on_read(std::move(now));
            } else {
                co_return next;
            }
        }
    }

    // A write the store refused goes on in the background, holding the lease (whose keeper it
    // takes over), until it is stored or a newer pair is: Slack issued this pair and spent the
    // stored refresh token, so dropping it would lose the installation.
    static asio::awaitable<void> retry_write(std::shared_ptr<token_provider_impl> self, grant_id id, token_grant stored,
                                             token_grant fresh, std::string owner, lease_keeper renewing)
    {
        const installation_key key = key_of(id);
        std::chrono::milliseconds delay(100);
        asio::steady_timer pause(self->executor);
        for (unsigned attempt = 2;; ++attempt) {
            pause.expires_after(delay);
            co_await pause.async_wait(asio::as_tuple(asio::deferred));
            delay = std::min<std::chrono::milliseconds>(delay * 2, std::chrono::seconds(5));
            self->count(&token_provider_stats::write_retries);
            pair_write write(stored, fresh);
            const pair_write::step how = co_await self->write_pair(key, id.kind, write);
            if (how == pair_write::step::written) {
                self->emit(token_event::kind::written_late, id, {}, attempt);
                break;
            }
            if (how == pair_write::step::superseded) {
                self->emit(token_event::kind::pair_superseded, id);
                break;
            }
        }
        co_await renewing.stop();
        co_await self->store.release_lease(key, id.kind, owner);
        self->count(&token_provider_stats::pending_writes, -1);  // last: from now on the store is not touched
    }
};

void start_token(const std::shared_ptr<token_provider_impl>& impl, installation_key key, grant_kind kind,
                 slack::diagnostics* diag, token_handler handler)
{
    // Completions are posted through the provider's executor; each runs on its handler's own.
    if (kind == grant_kind::user && key.user_id.empty()) {
        slack::detail::complete_posted(impl->executor, std::move(handler),
                                       result<std::string>(error_code(store_errc::invalid_key)));
        return;
    }
    const grant_id asked = asked_id(key, kind);
    auto slot = asio::get_associated_cancellation_slot(handler);
    std::shared_ptr<flight> f;
    bool start = false;
    {
        std::lock_guard lock(impl->mutex);
        if (cached_grant* entry = impl->cache.find(asked);
            entry && impl->usable(entry->token, entry->expires_at, entry->rejected)) {
            ++impl->stats.served_from_memory;
            slack::detail::complete_posted(impl->executor, std::move(handler), result<std::string>(entry->token));
            return;
        }
        std::shared_ptr<flight>& running = impl->lookups[asked];
        if (!running) {
            running = std::make_shared<flight>(impl->executor);
            start = true;
        }
        f = running;
        const bool first_deadline = !f->next_deadline();
        // The caller does not touch `diag` until its completion, which is posted after this writes it.
        outcome_handler waiter = [handler = std::move(handler), diag,
                                  executor = impl->executor](flight_outcome outcome) mutable {
            if (diag)
                *diag = std::move(outcome.diag);
            slack::detail::complete_posted(executor, std::move(handler), std::move(outcome.token));
        };
        const std::uint64_t id = f->join(std::move(waiter), flight::clock::now() + impl->options.timeout);
        if (first_deadline)
            impl->arm(f);
        // Leaving a flight changes nothing for the others, so any cancellation type may do it.
        if (slot.is_connected())
            slot.assign([weak = std::weak_ptr<token_provider_impl>(impl), f, id](asio::cancellation_type) {
                auto self = weak.lock();
                if (!self)
                    return;
                std::optional<outcome_handler> left;
                {
                    std::lock_guard lock(self->mutex);
                    left = f->leave(id);
                }
                if (left)  // flight_outcome{} holds operation_aborted
                    asio::post(self->executor, asio::append(std::move(*left), flight_outcome{}));
            });
    }
    if (start)
        asio::co_spawn(impl->executor, token_provider_impl::run_lookup(impl, asked, std::move(f)), asio::detached);
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
    // Remembered until a different token is cached: a refresh already running when the call
    // failed may still bring this one back, and it must not be served again.
    if (detail::cached_grant* entry = impl_->cache.find(detail::asked_id(store::to_key(key), kind)))
        if (!entry->token.empty())
            entry->rejected = entry->token;
}

token_provider_stats token_provider::stats() const
{
    std::lock_guard lock(impl_->mutex);
    token_provider_stats now = impl_->stats;
    now.cached_grants = impl_->cache.grants();
    return now;
}

}  // namespace slack::install
