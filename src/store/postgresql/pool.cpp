// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/pool.hpp"

#include <slack/store/store_errc.hpp>

#include <algorithm>

namespace slack::store::postgresql {

namespace asio = boost::asio;
using boost::system::error_code;
using boost::system::result;

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
    auto [end, handed] = co_await waiters_.wait(executor_, deadline);
    if (end != slack::detail::wait_end::granted)
        co_return error_code(closed_ ? store_errc::closed : store_errc::unavailable);
    if (handed)
        co_return pooled_connection(*this, std::move(handed));
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
        waiters_.grant_front(std::move(returned));
    } else {
        idle_.push_back(std::move(returned));
    }
}

// A connection is gone: its place goes to the first waiter, who opens a new one.
void pool::free_place()
{
    if (!closed_ && !waiters_.empty())
        waiters_.grant_front(nullptr);
    else
        --open_;
}

void pool::close()
{
    closed_ = true;
    open_ -= idle_.size();
    idle_.clear();
    waiters_.wake_all();  // each wakes ungranted and sees closed_
}

}  // namespace slack::store::postgresql
