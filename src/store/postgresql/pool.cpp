// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/pool.hpp"

#include <slack/store/store_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace slack::store::postgresql {

namespace asio = boost::asio;
using boost::system::error_code;
using boost::system::result;

// One queued acquire, on its coroutine's frame. Whoever hands it a connection or a place takes
// it off the queue first; one that leaves otherwise (deadline, close, a destroyed frame) takes
// itself off.
struct pool::waiter {
    explicit waiter(pool& owner) : wake(owner.executor_), queue(owner.waiters_)
    {
        position = queue.insert(queue.end(), this);
    }
    ~waiter()
    {
        if (!granted)
            queue.erase(position);
    }
    waiter(const waiter&) = delete;
    waiter& operator=(const waiter&) = delete;

    // Handing over: a connection, or with none, the place to open one in.
    void grant(std::unique_ptr<connection> c)
    {
        queue.erase(position);
        granted = true;
        handed = std::move(c);
        wake.cancel();
    }

    asio::steady_timer wake;  // expires at the caller's deadline; cancelled to wake it early
    std::list<waiter*>& queue;
    std::list<waiter*>::iterator position;
    bool granted = false;
    std::unique_ptr<connection> handed;
};

pooled_connection::pooled_connection(pool& owner, std::unique_ptr<connection> lent) noexcept
    : owner_(&owner), connection_(std::move(lent))
{
}

pooled_connection::pooled_connection(pooled_connection&& other) noexcept
    : owner_(other.owner_), connection_(std::move(other.connection_))
{
}

pooled_connection::~pooled_connection()
{
    if (connection_)
        owner_->give_back(std::move(connection_));
}

pool::pool(asio::any_io_executor executor, connection_settings settings, std::size_t size)
    : executor_(std::move(executor)), settings_(std::move(settings)), size_(std::max<std::size_t>(size, 1))
{
}

pool::~pool() = default;

asio::awaitable<result<pooled_connection>> pool::acquire(clock::time_point deadline)
{
    if (closed_)
        co_return error_code(store_errc::closed);
    while (!idle_.empty()) {
        std::unique_ptr<connection> c = std::move(idle_.back());
        idle_.pop_back();
        if (c->still_open())
            co_return pooled_connection(*this, std::move(c));
        --open_;  // closed by the server while idle; nobody queues while connections are idle
    }
    if (open_ < size_) {
        ++open_;
        co_return co_await open_new();
    }
    waiter queued(*this);
    queued.wake.expires_at(deadline);
    co_await queued.wake.async_wait(asio::as_tuple(asio::use_awaitable));
    if (!queued.granted)
        co_return error_code(closed_ ? store_errc::closed : store_errc::unavailable);
    if (queued.handed)
        co_return pooled_connection(*this, std::move(queued.handed));
    co_return co_await open_new();
}

// Opens a connection in a place already counted in open_.
asio::awaitable<result<pooled_connection>> pool::open_new()
{
    auto c = std::make_unique<connection>(executor_);
    const error_code failed = co_await c->open(settings_);
    if (failed) {
        free_place();
        co_return failed;
    }
    co_return pooled_connection(*this, std::move(c));
}

void pool::give_back(std::unique_ptr<connection> returned)
{
    if (closed_ || !returned->usable()) {
        returned.reset();
        free_place();
    } else if (!waiters_.empty()) {
        waiters_.front()->grant(std::move(returned));
    } else {
        idle_.push_back(std::move(returned));
    }
}

// A connection is gone: its place goes to the first waiter, who opens a new one.
void pool::free_place()
{
    if (!closed_ && !waiters_.empty())
        waiters_.front()->grant(nullptr);
    else
        --open_;
}

void pool::close()
{
    closed_ = true;
    open_ -= idle_.size();
    idle_.clear();
    for (waiter* w : waiters_)
        w->wake.cancel();  // each wakes ungranted, sees closed_ and leaves the queue itself
}

}  // namespace slack::store::postgresql
