// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The store's connections: at most `size` open at once, idle ones reused, operations beyond
// that queued first come first served until their deadline. A connection that failed is dropped
// when given back and its place goes to the next operation, which opens a new one.
#include "detail/waiter_queue.hpp"
#include "store/postgresql/connection.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/system/result.hpp>

#include <cstddef>
#include <memory>
#include <vector>

namespace slack::store::postgresql {

class pool;

/// A connection lent to one operation, given back to its pool when this goes.
class pooled_connection {
public:
    pooled_connection(pool& owner, std::unique_ptr<connection> lent) noexcept;
    pooled_connection(pooled_connection&& other) noexcept;
    pooled_connection& operator=(pooled_connection&&) = delete;
    ~pooled_connection();

    connection& get() const noexcept { return *connection_; }

private:
    pool* owner_;
    std::unique_ptr<connection> connection_;
};

/// Not locked: every call runs on the executor given (the store's strand).
class pool {
public:
    pool(boost::asio::any_io_executor executor, connection_settings settings, std::size_t size);
    ~pool();
    pool(const pool&) = delete;
    pool& operator=(const pool&) = delete;

    /// An idle connection that is still open, else a new one while fewer than `size` are open,
    /// else the first given back (or the place of the first dropped) after earlier callers had
    /// theirs. Errors: store_errc::unavailable (the deadline passed while queued; connecting
    /// failed), closed.
    boost::asio::awaitable<boost::system::result<pooled_connection>> acquire(clock::time_point deadline);

    /// Closes the idle connections and wakes queued callers (store_errc::closed); connections
    /// given back later are closed.
    void close();

private:
    friend class pooled_connection;

    boost::asio::awaitable<boost::system::result<pooled_connection>> open_new();
    void give_back(std::unique_ptr<connection> returned);
    void free_place();

    boost::asio::any_io_executor executor_;
    connection_settings settings_;
    std::size_t size_;
    std::size_t open_ = 0;                                              // open or opening, idle or lent: at most size_
    std::vector<std::unique_ptr<connection>> idle_;                     // back: the most recently used
    slack::detail::waiter_queue<std::unique_ptr<connection>> waiters_;  // handed a connection, or null: a place
    bool closed_ = false;
};

}  // namespace slack::store::postgresql
