// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/connection.hpp"

#include "redis/errc.hpp"
#include "web/tls_peer.hpp"

#include <slack/web/tls.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <hiredis/hiredis.h>
#include <hiredis/read.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <atomic>
#include <deque>

namespace slack::redis {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;
// Over the state's socket, so that closing the socket ends the TLS stream's operations too.
using tls_stream = asio::ssl::stream<tcp::socket&>;

namespace {

reply from_hiredis(const redisReply& r)
{
    reply out;
    switch (r.type) {
    case REDIS_REPLY_STRING:
        out.type = reply::kind::string;
        out.text.assign(r.str, r.len);
        break;
    case REDIS_REPLY_STATUS:
        out.type = reply::kind::status;
        out.text.assign(r.str, r.len);
        break;
    case REDIS_REPLY_ERROR:
        out.type = reply::kind::error;
        out.text.assign(r.str, r.len);
        break;
    case REDIS_REPLY_INTEGER:
        out.type = reply::kind::integer;
        out.integer = r.integer;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = reply::kind::array;
        out.elements.reserve(r.elements);
        for (std::size_t i = 0; i < r.elements; ++i)
            out.elements.push_back(from_hiredis(*r.element[i]));
        break;
    default: break;  // nil
    }
    return out;
}

// AUTH and SELECT as the address asks, then PING: a paused server accepts TCP connections, so
// only an answer shows it is serving (outside the coroutine: GCC 12 miscompiles a braced list
// in one).
std::string hello_commands(const server_address& address)
{
    std::string out;
    if (address.has_password && address.user.empty())
        append_command(out, {"AUTH", address.password});
    else if (address.has_password)
        append_command(out, {"AUTH", address.user, address.password});
    const std::string database = std::to_string(address.database);
    if (address.database != 0)
        append_command(out, {"SELECT", database});
    append_command(out, {"PING"});
    return out;
}

struct reader_deleter {
    void operator()(redisReader* r) const noexcept { redisReaderFree(r); }
};

}  // namespace

// Everything lives on `strand`; the coroutine that runs the connection holds a reference.
struct connection::state : std::enable_shared_from_this<connection::state> {
    struct waiting {
        asio::any_completion_handler<request_signature> handler;  // empty once it timed out
        clock::time_point deadline;
        std::string bytes;  // until handed to the socket
    };

    state(asio::any_io_executor executor, server_address where, connection_options options)
        : strand(asio::make_strand(executor)),
          address(std::move(where)),
          options(options),
          socket(strand),
          resolver(strand),
          retry_timer(strand),
          deadline_timer(strand),
          handshake_timer(strand)
    {
        if (address.tls && !this->options.tls)
            this->options.tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    }

    asio::strand<asio::any_io_executor> strand;
    server_address address;
    connection_options options;
    tcp::socket socket;
    // rediss:// only: a new one for each connection, over `socket`. Shared with a write in
    // flight, which may end after the next connection made its own.
    std::shared_ptr<tls_stream> tls;
    tcp::resolver resolver;
    asio::steady_timer retry_timer;
    asio::steady_timer deadline_timer;  // set to the earliest deadline of `queue`
    clock::time_point armed_for = clock::time_point::max();
    asio::steady_timer handshake_timer;
    std::unique_ptr<redisReader, reader_deleter> reader;
    char input[16384];

    enum class phase { connecting, ready, backing_off, closed };
    phase now = phase::connecting;
    std::atomic<bool> up{false};
    error_code last_error = errc::unreachable;  // what requests get while backing off
    error_code drop_reason;                     // why this side closed the socket
    unsigned generation = 0;                    // of the socket, so stale handlers keep away

    // Requests in order: their replies come back in this order. The last `unsent` ones still
    // hold their bytes, not yet handed to the socket.
    std::deque<waiting> queue;
    std::size_t unsent = 0;
    std::string writing;
    bool write_busy = false;

    static void complete(asio::any_completion_handler<request_signature> handler, error_code ec, reply r,
                         const asio::strand<asio::any_io_executor>& strand)
    {
        // Never inline: the caller may be in the middle of its own request().
        asio::post(strand, asio::append(std::move(handler), ec, std::move(r)));
    }

    void add(std::string bytes, clock::time_point deadline, asio::any_completion_handler<request_signature> handler)
    {
        if (now == phase::backing_off || now == phase::closed) {
            complete(std::move(handler), now == phase::closed ? error_code(errc::closed) : last_error, {}, strand);
            return;
        }
        queue.push_back({std::move(handler), deadline, std::move(bytes)});
        ++unsent;
        arm(deadline);
        start_write();
    }

    void arm(clock::time_point deadline)
    {
        if (deadline >= armed_for)
            return;
        armed_for = deadline;
        deadline_timer.expires_at(deadline);
        deadline_timer.async_wait([self = shared_from_this()](error_code ec) {
            if (ec != asio::error::operation_aborted)
                self->expire();
        });
    }

    // Completes the requests whose deadline passed. One already written means the server is
    // stuck (or the network): the connection is dropped and opened again. One not yet written
    // is never sent: run late, it would reserve a place its caller no longer waits for.
    void expire()
    {
        armed_for = clock::time_point::max();
        const auto t = clock::now();
        auto next = clock::time_point::max();
        bool written_late = false;
        for (std::size_t i = 0; i < queue.size();) {
            auto& w = queue[i];
            const bool written = i < queue.size() - unsent;
            if (w.handler && w.deadline <= t) {
                complete(std::move(w.handler), errc::timeout, {}, strand);
                w.handler = {};
                written_late = written_late || written;
            } else if (w.handler) {
                next = std::min(next, w.deadline);
            }
            if (!written && !w.handler) {
                queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(i));
                --unsent;
                continue;
            }
            ++i;
        }
        if (written_late && now == phase::ready)
            drop(errc::timeout);
        if (next != clock::time_point::max())
            arm(next);
    }

    ~state() { OPENSSL_cleanse(address.password.data(), address.password.size()); }

    void drop(error_code why)
    {
        drop_reason = why;
        resolver.cancel();
        error_code ignored;
        socket.close(ignored);
    }

    // After each wait of open(): whether the handshake timer or close() ended the attempt.
    error_code interrupted(error_code ec) const
    {
        if (now == phase::closed)
            return errc::closed;
        if (drop_reason)
            return drop_reason;
        return ec ? error_code(errc::unreachable) : error_code{};
    }

    void start_write()
    {
        if (write_busy || now != phase::ready || unsent == 0)
            return;
        // Over TLS, one batch in flight at a time: Redis takes in one TLS record per turn of its
        // event loop, so requests written one per record as replies trickle in would be served
        // one per turn (a quarter of the plain rate at 64 in flight). Held until the replies
        // come, they go together; a lone request still goes at once.
        if (tls && queue.size() > unsent)
            return;
        write_busy = true;
        writing.clear();
        for (auto w = queue.end() - static_cast<std::ptrdiff_t>(unsent); w != queue.end(); ++w) {
            writing += w->bytes;
            w->bytes = {};
        }
        unsent = 0;
        auto written = [self = shared_from_this(), g = generation, keep = tls](error_code ec, std::size_t) {
            self->write_busy = false;
            self->writing.clear();
            // A stale write (of a dropped socket) must not drop the new one, but what was
            // queued meanwhile may go on it.
            if (ec && g == self->generation)
                self->drop(errc::unreachable);
            else
                self->start_write();
        };
        if (tls)
            asio::async_write(*tls, asio::buffer(writing), std::move(written));
        else
            asio::async_write(socket, asio::buffer(writing), std::move(written));
    }

    // The socket's operations, through TLS when the address asks for it (not coroutines: the
    // awaitable is the operation's own, no frame is added).
    asio::awaitable<std::size_t> read_some(error_code& ec)
    {
        auto token = asio::redirect_error(asio::use_awaitable, ec);
        if (tls)
            return tls->async_read_some(asio::buffer(input), token);
        return socket.async_read_some(asio::buffer(input), token);
    }

    asio::awaitable<std::size_t> write_all(const std::string& bytes, error_code& ec)
    {
        auto token = asio::redirect_error(asio::use_awaitable, ec);
        if (tls)
            return asio::async_write(*tls, asio::buffer(bytes), token);
        return asio::async_write(socket, asio::buffer(bytes), token);
    }

    // A new TLS stream over the connected socket, and its handshake: the certificate checked for
    // the address's host. A TLS failure (untrusted, another host's, not TLS at all) is
    // tls_failed; the connection dropped under it is unreachable, or the drop's own reason.
    asio::awaitable<error_code> handshake()
    {
        tls = std::make_shared<tls_stream>(socket, *options.tls);
        if (web::detail::expect_peer(tls->native_handle(), address.host))
            co_return errc::tls_failed;
        error_code ec;
        co_await tls->async_handshake(asio::ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
        if (ec && !drop_reason && now != phase::closed && ec.category() == asio::error::get_ssl_category())
            co_return errc::tls_failed;
        co_return interrupted(ec);
    }

    void fail_all(error_code ec)
    {
        for (auto& w : queue)
            if (w.handler)
                complete(std::move(w.handler), ec, {}, strand);
        queue.clear();
        unsent = 0;
    }

    // Reads until one whole reply is parsed.
    asio::awaitable<error_code> read_reply(reply& out)
    {
        for (;;) {
            void* parsed = nullptr;
            if (redisReaderGetReply(reader.get(), &parsed) != REDIS_OK)
                co_return errc::protocol_error;
            if (parsed) {
                out = from_hiredis(*static_cast<redisReply*>(parsed));
                freeReplyObject(parsed);
                co_return error_code{};
            }
            error_code ec;
            const std::size_t n = co_await read_some(ec);
            if (ec)
                co_return drop_reason ? drop_reason : error_code(errc::unreachable);
            if (redisReaderFeed(reader.get(), input, n) != REDIS_OK)
                co_return errc::protocol_error;
        }
    }

    // TCP connect, TLS, then AUTH and SELECT when the address asks for them, by connect_timeout.
    asio::awaitable<error_code> open()
    {
        ++generation;
        drop_reason = {};
        tls.reset();
        reader.reset(redisReaderCreate());
        handshake_timer.expires_after(options.connect_timeout);
        handshake_timer.async_wait([self = shared_from_this(), g = generation](error_code ec) {
            if (!ec && g == self->generation && self->now == phase::connecting)
                self->drop(errc::timeout);
        });

        error_code ec;
        const auto port = std::to_string(address.port);
        const auto endpoints =
            co_await resolver.async_resolve(address.host, port, asio::redirect_error(asio::use_awaitable, ec));
        if (auto failed = interrupted(ec))
            co_return failed;
        co_await asio::async_connect(socket, endpoints, asio::redirect_error(asio::use_awaitable, ec));
        if (auto failed = interrupted(ec))
            co_return failed;
        socket.set_option(tcp::no_delay(true), ec);
        if (address.tls) {
            if (auto failed = co_await handshake())
                co_return failed;
        }

        std::string hello = hello_commands(address);
        co_await write_all(hello, ec);
        OPENSSL_cleanse(hello.data(), hello.size());  // it holds the password
        if (auto failed = interrupted(ec))
            co_return failed;
        reply r;
        if (address.has_password) {
            if (auto failed = co_await read_reply(r))
                co_return failed;
            if (r.is_error())
                co_return errc::auth_refused;
        }
        if (address.database != 0) {
            if (auto failed = co_await read_reply(r))
                co_return failed;
            if (r.is_error())
                co_return errc::select_refused;
        }
        if (auto failed = co_await read_reply(r))
            co_return failed;
        if (r.is_error())
            co_return errc::protocol_error;
        handshake_timer.cancel();
        co_return error_code{};
    }

    // Hands each reply to the oldest request.
    asio::awaitable<error_code> serve()
    {
        for (;;) {
            reply r;
            if (auto ec = co_await read_reply(r))
                co_return ec;
            if (queue.empty() || queue.size() == unsent)
                co_return errc::protocol_error;  // a reply nobody asked for
            auto handler = std::move(queue.front().handler);
            queue.pop_front();
            if (tls && queue.size() == unsent)
                start_write();  // the batch is answered: the next one may go
            if (handler)
                complete(std::move(handler), {}, std::move(r), strand);
        }
    }

    asio::awaitable<void> run()
    {
        auto self = shared_from_this();
        auto backoff = options.min_backoff;
        while (now != phase::closed) {
            now = phase::connecting;
            error_code ec = co_await open();
            if (!ec && now != phase::closed) {
                now = phase::ready;
                up = true;
                backoff = options.min_backoff;
                start_write();
                ec = co_await serve();
            }
            up = false;
            handshake_timer.cancel();
            ++generation;
            error_code ignored;
            socket.close(ignored);
            if (now == phase::closed)
                break;
            fail_all(ec);
            last_error = ec;
            now = phase::backing_off;
            retry_timer.expires_after(backoff);
            co_await retry_timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
            backoff = std::min(backoff * 2, options.max_backoff);
        }
        fail_all(errc::closed);
    }

    void shut()
    {
        now = phase::closed;
        resolver.cancel();
        error_code ignored;
        socket.close(ignored);
        retry_timer.cancel();
        deadline_timer.cancel();
        handshake_timer.cancel();
        fail_all(errc::closed);
    }
};

connection::connection(asio::any_io_executor executor, server_address where, connection_options options)
    : state_(std::make_shared<state>(std::move(executor), std::move(where), options))
{
    asio::co_spawn(state_->strand, state_->run(), asio::detached);
}

connection::~connection() { close(); }

bool connection::connected() const noexcept { return state_->up; }

void connection::close()
{
    asio::dispatch(state_->strand, [s = state_] { s->shut(); });
}

void connection::start(std::string bytes, clock::time_point deadline,
                       asio::any_completion_handler<request_signature> handler)
{
    asio::dispatch(state_->strand, [s = state_, b = std::move(bytes), deadline, h = std::move(handler)]() mutable {
        s->add(std::move(b), deadline, std::move(h));
    });
}

}  // namespace slack::redis
