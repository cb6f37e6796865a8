// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What a store operation runs with: the connection lent to it, the keys tokens are sealed with,
// and each statement's deadline.
#include "store/postgresql/connection.hpp"

#include "store/sealed_columns.hpp"

#include <optional>

namespace slack::store::postgresql {

struct session {
    connection& db;
    const detail::sealing_keys& keys;
    std::chrono::milliseconds query_timeout;

    /// One statement, by now + query_timeout.
    boost::asio::awaitable<boost::system::result<query_result>> run(const char* sql, const parameters& values) const
    {
        return db.execute(sql, values, clock::now() + query_timeout);
    }
    boost::asio::awaitable<boost::system::result<query_result>> run(const char* sql) const
    {
        static const parameters none;
        return run(sql, none);
    }
};

}  // namespace slack::store::postgresql
