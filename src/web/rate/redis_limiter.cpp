// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The rate limiter shared on Redis: each paced request is one run of the GCRA script; when Redis
// does not answer by the acquire deadline, the fallback limiter answers instead, and the
// on_event hook hears of each switch between the two.
#include <slack/web/redis_limiter.hpp>

#include "redis/cluster.hpp"
#include "redis/errc.hpp"
#include "web/rate/gcra.hpp"
#include "web/rate/gcra_script.hpp"
#include "web/rate/redis_key.hpp"

#include <boost/asio/append.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>

namespace slack::web {
namespace {

namespace asio = boost::asio;
using std::chrono::microseconds;
using clock = std::chrono::steady_clock;

// The GCRA interval of `pace` in whole microseconds, as the script counts (0: not paced).
microseconds interval_of(const rate_pace& pace)
{
    const auto interval = detail::gcra_interval(pace);
    if (interval.count() == 0)
        return microseconds(0);
    return std::max(microseconds(1), std::chrono::duration_cast<microseconds>(interval));
}

// What a request keeps of its rate_key while Redis decides, for the fallback's sake.
struct held_key {
    std::string workspace, method, channel;
    bool process_local;

    explicit held_key(const rate_key& k)
        : workspace(k.workspace), method(k.method), channel(k.channel), process_local(k.process_local)
    {
    }
    rate_key view() const { return {workspace, method, channel, process_local}; }
};

class redis_limiter final : public rate_limiter, public std::enable_shared_from_this<redis_limiter> {
public:
    redis_limiter(asio::any_io_executor executor, redis::server_address where, rate_limits limits,
                  redis_limiter_options options)
        : executor_(executor),
          events_(asio::make_strand(executor)),
          limits_(std::move(limits)),
          options_(std::move(options)),
          nodes_(std::make_shared<redis::cluster>(executor, std::move(where), connection_options()))
    {
    }

    ~redis_limiter() override { nodes_->close(); }

    asio::any_io_executor get_executor() const override { return executor_; }

    bool is_per_channel(std::string_view method) const override { return limits_.is_per_channel(method); }

    void block(const rate_key& key, std::chrono::milliseconds retry_after) override
    {
        options_.fallback->block(key, retry_after);  // locally too: it holds while Redis is out of reach
        // An unpaced method's calls never ask Redis, so a block there would be read by no one.
        if (!is_shared(key) || interval_of(limits_.pace_of(key)).count() == 0)
            return;
        const auto deadline = clock::now() + options_.acquire_deadline;
        detail::gcra_block(nodes_, detail::redis_key(options_.app, key), retry_after, on_redis_clock(deadline),
                           deadline,
                           [self = shared_from_this()](boost::system::error_code ec, detail::script_answer a) {
                               self->heard(ec);
                               if (!ec)
                                   self->learn(a);
                           });
    }

protected:
    void do_acquire(const rate_key& key, clock::time_point latest,
                    asio::any_completion_handler<rate_signature> handler) override
    {
        const microseconds interval = interval_of(limits_.pace_of(key));
        if (!is_shared(key) || interval.count() == 0)
            return locally(key, latest, std::move(handler));
        const auto asked = clock::now();
        if (!may_ask_redis(asked))
            return locally(key, latest, std::move(handler));
        const auto max_wait = std::chrono::duration_cast<microseconds>(latest - asked);
        const auto deadline = std::min(asked + options_.acquire_deadline, latest);
        detail::gcra_acquire(nodes_, detail::redis_key(options_.app, key), interval, limits_.pace_of(key).burst,
                             max_wait, on_redis_clock(deadline), deadline,
                             [self = shared_from_this(), k = held_key(key), latest, h = std::move(handler)](
                                 boost::system::error_code ec, detail::script_answer answer) mutable {
                                 self->decided(ec, answer, k, latest, std::move(h));
                             });
    }

private:
    redis::connection_options connection_options() const
    {
        redis::connection_options o;
        o.connect_timeout = options_.connect_timeout;
        o.max_backoff = options_.max_backoff;
        o.tls = options_.tls;
        return o;
    }

    bool is_shared(const rate_key& key) const { return !key.process_local && !key.workspace.empty(); }

    void decided(boost::system::error_code ec, detail::script_answer answer, const held_key& key,
                 clock::time_point latest, asio::any_completion_handler<rate_signature> handler)
    {
        heard(ec);
        if (!ec)
            learn(answer);
        if (ec || answer.expired)  // expired: only if Redis's clock jumped since the last answer
            return locally(key.view(), latest, std::move(handler));
        rate_grant grant;
        // From when the answer came: never earlier than Redis meant, never past the call's
        // deadline (the wait may have eaten into it).
        grant.send_at = clock::now() + answer.wait;
        if (answer.reserved)
            grant.send_at = std::min(grant.send_at, latest);
        grant.reserved = answer.reserved;
        grant.shared = true;
        asio::post(executor_, asio::append(std::move(handler), boost::system::result<rate_grant>(grant)));
    }

    void locally(const rate_key& key, clock::time_point latest, asio::any_completion_handler<rate_signature> handler)
    {
        options_.fallback->acquire(key, latest, std::move(handler));
    }

    // Once Redis failed to answer, the fallback answers at once; one request in each probe gap
    // (doubling, as the connection's backoff, up to max_backoff) still asks Redis, to see it back.
    bool may_ask_redis(clock::time_point t)
    {
        if (sharing_)
            return true;
        auto due = next_probe_.load();
        if (t.time_since_epoch().count() < due)
            return false;
        const auto gap = probe_gap_.load();
        const auto next = (t + std::chrono::milliseconds(gap)).time_since_epoch().count();
        if (!next_probe_.compare_exchange_strong(due, next))
            return false;  // another request took this probe
        probe_gap_.store(std::min<std::int64_t>(gap * 2, options_.max_backoff.count()));
        return true;
    }

    // The offset from this process's steady clock to Redis's, from the last answer (its round
    // trip makes the offset a little small: an expiry then comes a little early, never late).
    void learn(const detail::script_answer& answer)
    {
        const auto local = std::chrono::duration_cast<microseconds>(clock::now().time_since_epoch());
        offset_.store((answer.redis_now - local).count());
        has_offset_.store(true);
    }

    // `t` on Redis's clock, for the script's expiry; none before the first answer.
    microseconds on_redis_clock(clock::time_point t) const
    {
        if (!has_offset_.load())
            return detail::no_expiry;
        return std::chrono::duration_cast<microseconds>(t.time_since_epoch()) + microseconds(offset_.load());
    }

    // Tells on_event when Redis stops or starts answering.
    void heard(boost::system::error_code ec)
    {
        const bool answered = !ec;
        if (answered)
            probe_gap_.store(first_probe_gap.count());
        if (sharing_.exchange(answered) == answered || !options_.on_event)
            return;
        redis_limiter_event event;
        event.what = answered ? redis_limiter_event::kind::sharing_again : redis_limiter_event::kind::fell_back;
        event.why = ec;
        // Through a strand: on a pool of threads two switches must not call the hook at once.
        asio::post(events_, [self = shared_from_this(), event] { self->options_.on_event(event); });
    }

    asio::any_io_executor executor_;
    asio::strand<asio::any_io_executor> events_;  // on_event's calls, one at a time
    rate_limits limits_;
    redis_limiter_options options_;
    std::shared_ptr<redis::cluster> nodes_;  // the URL's node, and the cluster's others it names
    std::atomic<bool> sharing_{true};
    std::atomic<bool> has_offset_{false};
    std::atomic<std::int64_t> offset_{0};  // microseconds: Redis's clock minus the steady clock
    static constexpr std::chrono::milliseconds first_probe_gap{50};
    std::atomic<clock::rep> next_probe_{0};
    std::atomic<std::int64_t> probe_gap_{first_probe_gap.count()};
};

}  // namespace

boost::system::result<std::shared_ptr<rate_limiter>> open_limiter(std::string_view url, asio::any_io_executor executor,
                                                                  rate_limits limits, redis_limiter_options options)
{
    auto where = redis::parse_url(url);
    if (!where)
        return where.error();
    if (options.app.empty() || options.app.find_first_of("{}") != std::string::npos)
        return redis_errc::bad_app_name;
    if (!options.fallback)
        options.fallback = make_local_limiter(executor, limits);
    return std::make_shared<redis_limiter>(std::move(executor), std::move(*where), std::move(limits),
                                           std::move(options));
}

}  // namespace slack::web
