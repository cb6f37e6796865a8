#pragma once
// What a store operation runs with: the connection lent to it, the key tokens are sealed with,
// and each statement's deadline.
#include "store/postgresql/connection.hpp"

#include <slack/store/token_key.hpp>

#include <optional>

namespace slack::store::postgresql {

struct session {
    connection& db;
    const std::optional<token_key>& key;
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
