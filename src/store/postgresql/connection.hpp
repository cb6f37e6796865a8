// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One libpq connection, driven asynchronously on an executor: libpq in non-blocking mode, its
// socket waited on through the executor's reactor, every wait bounded by a deadline. No thread
// blocks on the server.
#include "store/postgresql/parameters.hpp"
#include "store/postgresql/query_result.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/result.hpp>

#include <libpq-fe.h>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace slack::store::postgresql {

using clock = std::chrono::steady_clock;

/// What a new connection is opened with.
struct connection_settings {
    std::string conninfo;
    std::chrono::milliseconds connect_timeout;
    /// The server's statement_timeout for the session: a statement this client gave up on (its
    /// deadline passed and the connection was dropped) does not go on holding locks.
    std::chrono::milliseconds statement_timeout;
    /// Prepare each statement once per connection and run it by name after: the server then
    /// parses and plans it once, not on every run (see postgresql_options::prepare_statements).
    bool prepare_statements = true;
};

class connection {
public:
    explicit connection(boost::asio::any_io_executor executor);
    ~connection();
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    /// Connects and sets up the session, by now + connect_timeout.
    /// Error: store_errc::unavailable (nothing of libpq's message is kept: it may name the host).
    boost::asio::awaitable<boost::system::error_code> open(const connection_settings& settings);

    /// Runs one statement, prepared on this connection first when the settings say so (and it
    /// was not yet). A session that lost its prepared statements is dropped (unavailable). Errors: store_errc::unavailable when the connection failed or the
    /// deadline passed (the connection is then closed: usable() is false); query_failed when the
    /// server refused the statement (the connection stays usable).
    boost::asio::awaitable<boost::system::result<query_result>> execute(const char* sql, const parameters& values,
                                                                        clock::time_point deadline);

    /// Open and not failed.
    bool usable() const noexcept { return connection_ != nullptr; }

    /// For a connection that sat idle: whether it is still open, asked of the socket without
    /// waiting (a server that restarted, or ended the session, has sent a goodbye and closes
    /// its end). Closes it when not.
    bool still_open();

private:
    enum class ready { read, write, either };
    boost::asio::awaitable<boost::system::result<query_result>> finish(clock::time_point deadline);
    bool last_sqlstate_is(std::string_view state) const noexcept;
    boost::asio::awaitable<boost::system::error_code> wait(ready what, clock::time_point deadline);
    void watch_socket();
    void close() noexcept;

    bool prepare_statements_ = true;
    // Looked up by a view of the statement's text: no copy of it per call.
    struct text_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };
    // The statements prepared on this session (by their text) and their names; gone with it.
    std::unordered_map<std::string, std::string, text_hash, std::equal_to<>> prepared_;
    std::string last_sqlstate_;  // of the last statement's failure ("" when none, or libpq's own)
    PGconn* connection_ = nullptr;
    boost::asio::posix::stream_descriptor socket_;  // libpq's socket: watched, never closed by us
    boost::asio::steady_timer timer_;
};

}  // namespace slack::store::postgresql
