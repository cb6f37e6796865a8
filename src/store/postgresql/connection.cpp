// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/connection.hpp"

#include "crypto/hmac.hpp"

#include <slack/store/store_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <poll.h>

#include <string_view>
#include <variant>

namespace slack::store::postgresql {

namespace asio = boost::asio;
using boost::system::error_code;
using descriptor_base = asio::posix::descriptor_base;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

error_code unavailable() { return store_errc::unavailable; }

// A failed statement: the server's SQLSTATE says whether the session is the problem (connection
// exceptions, operator intervention: shutdown, cancel by statement_timeout) or the statement.
// A failure libpq made up itself (the connection broke) has no SQLSTATE. The message is not read.
error_code failure_of(const PGresult* result)
{
    const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    if (!sqlstate)
        return unavailable();
    std::string_view state(sqlstate);
    if (state.starts_with("08") || state.starts_with("57"))
        return unavailable();
    return store_errc::query_failed;
}

}  // namespace

connection::connection(asio::any_io_executor executor) : socket_(executor), timer_(executor) {}

connection::~connection() { close(); }

void connection::close() noexcept
{
    // libpq owns the socket and closes it in PQfinish: the descriptor lets go of it first.
    if (socket_.is_open())
        socket_.release();
    if (connection_) {
        PQfinish(connection_);
        connection_ = nullptr;
    }
    prepared_.clear();
}

// Registers libpq's current socket with the reactor afresh. During connect libpq may close its
// socket and open another (the next address, a retry without SSL), which can get the same
// number: a registration kept from before would then watch nothing.
void connection::watch_socket()
{
    if (socket_.is_open())
        socket_.release();
    if (const int fd = PQsocket(connection_); fd >= 0) {
        error_code ignored;  // a failed assign shows as a failed wait
        socket_.assign(fd, ignored);
    }
}

// Waits until the socket is ready or the deadline passes (asio::error::timed_out).
asio::awaitable<error_code> connection::wait(ready what, clock::time_point deadline)
{
    using namespace asio::experimental::awaitable_operators;
    if (clock::now() >= deadline)
        co_return asio::error::timed_out;
    timer_.expires_at(deadline);
    const auto first_of = [](const auto& outcome) { return std::get<0>(outcome); };
    if (what == ready::either) {  // PQflush's rule: either lets it move on
        auto outcome =
            co_await (socket_.async_wait(descriptor_base::wait_read, use_tuple) ||
                      socket_.async_wait(descriptor_base::wait_write, use_tuple) || timer_.async_wait(use_tuple));
        if (outcome.index() == 2)
            co_return asio::error::timed_out;
        co_return std::visit(first_of, outcome);
    }
    const auto type = what == ready::read ? descriptor_base::wait_read : descriptor_base::wait_write;
    auto outcome = co_await (socket_.async_wait(type, use_tuple) || timer_.async_wait(use_tuple));
    if (outcome.index() == 1)
        co_return asio::error::timed_out;
    co_return std::visit(first_of, outcome);
}

asio::awaitable<error_code> connection::open(const connection_settings& settings)
{
    prepare_statements_ = settings.prepare_statements;
    const auto deadline = clock::now() + settings.connect_timeout;
    connection_ = PQconnectStart(settings.conninfo.c_str());
    if (!connection_ || PQstatus(connection_) == CONNECTION_BAD) {  // out of memory, or a bad string
        close();
        co_return unavailable();
    }
    // libpq prints the server's notices (e.g. "relation already exists, skipping") on stderr
    // unless told otherwise: a library keeps quiet.
    PQsetNoticeReceiver(
        connection_, [](void*, const PGresult*) {}, nullptr);
    // libpq's connect loop: before the first poll, behave as if it asked to wait for writing.
    PostgresPollingStatusType progress = PGRES_POLLING_WRITING;
    while (progress != PGRES_POLLING_OK) {
        if (progress == PGRES_POLLING_FAILED) {
            close();
            co_return unavailable();
        }
        watch_socket();
        const ready what = progress == PGRES_POLLING_READING ? ready::read : ready::write;
        const error_code waited = co_await wait(what, deadline);
        if (waited) {
            close();
            co_return unavailable();
        }
        progress = PQconnectPoll(connection_);
    }
    watch_socket();
    if (PQsetnonblocking(connection_, 1) != 0) {
        close();
        co_return unavailable();
    }
    parameters timeout;
    timeout.integer(settings.statement_timeout.count());  // milliseconds, the setting's unit
    auto set = co_await execute("SELECT set_config('statement_timeout', $1::text, false)", timeout, deadline);
    if (!set) {
        close();
        co_return unavailable();
    }
    co_return error_code();
}

asio::awaitable<boost::system::result<query_result>> connection::execute(const char* sql, const parameters& values,
                                                                         clock::time_point deadline)
{
    if (!usable())
        co_return unavailable();
    // Text parameters, text results; the types come from the statement's casts.
    if (!prepare_statements_) {
        if (!PQsendQueryParams(connection_, sql, values.count(), nullptr, values.pointers(), nullptr, nullptr, 0)) {
            close();
            co_return unavailable();
        }
        co_return co_await finish(deadline);
    }
    auto known = prepared_.find(std::string_view(sql));
    if (known == prepared_.end()) {
        // Named by the text: the same name always means the same statement, in every process,
        // even where a pooler lets sessions share a server connection.
        std::string name = "slack_" + crypto::hex(crypto::hmac_sha256("slack-asio statement", sql)).substr(0, 24);
        if (!PQsendPrepare(connection_, name.c_str(), sql, values.count(), nullptr)) {
            close();
            co_return unavailable();
        }
        auto made = co_await finish(deadline);
        if (!made && !last_sqlstate_is("42P05"))  // 42P05: already prepared here, so the same text
            co_return made.error();
        known = prepared_.emplace(sql, std::move(name)).first;
    }
    if (!PQsendQueryPrepared(connection_, known->second.c_str(), values.count(), values.pointers(), nullptr, nullptr,
                             0)) {
        close();
        co_return unavailable();
    }
    auto ran = co_await finish(deadline);
    // 26000: the session lost its prepared statements behind this connection's back (DEALLOCATE,
    // or DISCARD ALL, which also resets statement_timeout): it is not the session open() set up.
    // The statement did not run; the connection is dropped and the next operation opens another.
    if (!ran && last_sqlstate_is("26000")) {
        close();
        co_return unavailable();
    }
    co_return ran;
}

bool connection::last_sqlstate_is(std::string_view state) const noexcept { return last_sqlstate_ == state; }

// Sends what libpq buffered, then takes every result of the statement sent.
asio::awaitable<boost::system::result<query_result>> connection::finish(clock::time_point deadline)
{
    last_sqlstate_.clear();
    // Whatever the socket did not take is buffered in libpq until flushed. Each co_await stands in
    // a statement of its own: GCC 12 miscompiles some inside conditions (docs/toolchain.md).
    for (;;) {
        const int pending = PQflush(connection_);
        if (pending == 0)
            break;
        error_code waited = pending < 0 ? unavailable() : error_code();
        if (!waited)
            waited = co_await wait(ready::either, deadline);
        if (waited || !PQconsumeInput(connection_)) {
            close();
            co_return unavailable();
        }
    }
    // Every result up to libpq's null one must be taken before the connection is reused.
    query_result rows;
    error_code failure;
    for (;;) {
        if (!PQconsumeInput(connection_)) {
            close();
            co_return unavailable();
        }
        bool done = false;
        while (!done && !PQisBusy(connection_)) {
            PGresult* result = PQgetResult(connection_);
            if (!result) {
                done = true;
            } else if (const auto status = PQresultStatus(result);
                       status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
                rows = query_result(result);
            } else {
                if (!failure) {
                    failure = failure_of(result);
                    const char* sqlstate = PQresultErrorField(result, PG_DIAG_SQLSTATE);
                    last_sqlstate_ = sqlstate ? sqlstate : "";
                }
                PQclear(result);
            }
        }
        if (done)
            break;
        const error_code waited = co_await wait(ready::read, deadline);
        if (waited) {
            close();
            co_return unavailable();
        }
    }
    if (PQstatus(connection_) != CONNECTION_OK) {
        close();
        co_return unavailable();
    }
    if (failure)
        co_return failure;
    co_return std::move(rows);
}

bool connection::still_open()
{
    if (!usable())
        return false;
    // An idle session of ours has nothing to say: it listens to no channel and changes no
    // reported setting. Anything to read is the server's goodbye (an error, then its end of the
    // socket closed) arriving, or its end already closed: either way, the connection is dropped.
    pollfd readable{PQsocket(connection_), POLLIN, 0};
    if (::poll(&readable, 1, 0) == 0)
        return true;
    close();
    return false;
}

}  // namespace slack::store::postgresql
