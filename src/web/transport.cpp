// The connection pool and one HTTP exchange over TLS (or plain TCP when allowed).
// This is the only client translation unit that includes Beast and SSL.
#include "web/transport.hpp"

#include "web/reply_parser.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/ssl.h>
#include <poll.h>

#include <array>
#include <charconv>
#include <deque>
#include <sstream>
#include <list>
#include <optional>
#include <utility>

namespace slack::web::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using boost::system::error_code;
using tcp = asio::ip::tcp;

namespace {

struct connection;
using connection_ptr = std::shared_ptr<connection>;

// A connection idle for less than this is reused without asking the kernel whether the server
// closed it (a poll() per call is a measurable share of a call's cost). Servers close idle
// connections after seconds, not milliseconds; a crash in this window would surface as a
// connection closed after the request was written, which the caller sees as outcome_unknown.
constexpr auto stale_check_after = std::chrono::milliseconds(5);
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// 1xx responses skipped before the answer; more means a broken or hostile server.
constexpr unsigned max_interim_responses = 8;


struct session_deleter {
    void operator()(SSL_SESSION* session) const noexcept { SSL_SESSION_free(session); }
};
using session_ptr = std::unique_ptr<SSL_SESSION, session_deleter>;

// A request header serialized by Beast, immutable once made: shared by the pool (the last one
// made) and by the connections sending it, so that neither a kept-alive connection nor a new one
// formats it again while method, Authorization and body length stay the same.
struct request_header {
    request_header(const http_exchange& exchange, const api_endpoint& endpoint);
    ~request_header()  // it holds the Authorization
    {
        OPENSSL_cleanse(bytes.data(), bytes.size());
        OPENSSL_cleanse(authorization.data(), authorization.size());
    }
    request_header(const request_header&) = delete;
    request_header& operator=(const request_header&) = delete;

    bool fits(const http_exchange& exchange) const
    {
        return body_size == exchange.body.size() && method == exchange.method && authorization == exchange.authorization;
    }

    std::string bytes;
    std::string method;
    std::string authorization;
    std::size_t body_size;
};

struct connection : std::enable_shared_from_this<connection> {
    connection(const executor_type& executor, ssl::context& tls) : stream(executor, tls), deadline_timer(executor) {}

    beast::ssl_stream<beast::tcp_stream> stream;
    beast::flat_buffer buffer;                  // reused across requests
    std::shared_ptr<const request_header> header;  // what it sends; kept alive during the write
    asio::steady_timer deadline_timer;          // one per connection, not one per socket operation
    clock::time_point deadline = clock::time_point::max();  // the current attempt's; max() between attempts
    bool timer_waiting = false;  // a wait is outstanding on deadline_timer
    unsigned wait_generation = 0;  // which wait a handler belongs to
    clock::time_point idle_since{};
    bool connected = false;
    bool served = false;     // has answered a request before
    bool timed_out = false;  // the attempt's deadline closed the socket

    // Closes the socket when the attempt's deadline passes: every pending or later operation
    // then fails. Cheaper than Beast's per-operation timeouts, and cheaper than arming a timer
    // per attempt (a timerfd_settime system call and a cancelled wait each time): the wait is
    // left running across back-to-back attempts and moved only for an earlier deadline. When it
    // fires early for a later attempt's deadline, it waits again. Once the connection stays
    // idle, the wait is cancelled (see disarm()): a pending wait would keep the caller's
    // io_context::run() from returning.
    void arm(clock::time_point attempt_deadline)
    {
        timed_out = false;
        deadline = attempt_deadline;
        if (timer_waiting && deadline_timer.expiry() <= deadline)
            return;
        deadline_timer.expires_at(deadline);  // a later wait is cancelled; its handler is ignored
        wait_for_deadline();
    }

    // The attempt is over. If no other attempt starts on this connection before the posted
    // check runs (the caller's next call usually does, from its completion handler), the wait
    // is cancelled.
    void disarm()
    {
        deadline = clock::time_point::max();
        if (timer_waiting)
            asio::post(deadline_timer.get_executor(), [weak = weak_from_this()] {
                if (auto self = weak.lock(); self && self->deadline == clock::time_point::max())
                    self->stop_waiting();
            });
    }

    void stop_waiting()
    {
        if (!timer_waiting)
            return;
        timer_waiting = false;
        ++wait_generation;  // the cancelled wait's handler is ignored
        deadline_timer.cancel();
    }

    void wait_for_deadline()
    {
        timer_waiting = true;
        deadline_timer.async_wait([weak = weak_from_this(), generation = ++wait_generation](error_code ec) {
            auto self = weak.lock();
            if (!self || self->wait_generation != generation)
                return;  // the connection is gone, or this wait was replaced or cancelled
            self->timer_waiting = false;
            if (ec || self->deadline == clock::time_point::max())
                return;  // no attempt running: the next arm() starts a wait
            if (clock::now() < self->deadline) {  // armed for an earlier attempt that has ended
                self->deadline_timer.expires_at(self->deadline);
                self->wait_for_deadline();
                return;
            }
            self->timed_out = true;
            error_code ignored;
            self->tcp().socket().close(ignored);
        });
    }

    beast::tcp_stream& tcp() { return stream.next_layer(); }

    // Readable while idle means the server sent EOF, an alert or garbage: do not reuse.
    bool looks_closed()
    {
        auto& socket = tcp().socket();
        if (!socket.is_open())
            return true;
        pollfd descriptor{socket.native_handle(), POLLIN, 0};
        return ::poll(&descriptor, 1, 0) != 0;
    }

    void close()
    {
        // Mark the TLS session as cleanly ended so that it stays resumable.
        SSL_set_shutdown(stream.native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
        error_code ignored;
        tcp().socket().close(ignored);  // sends the FIN; no shutdown() call needed
        deadline = clock::time_point::max();
        stop_waiting();
    }
};

struct waiter {
    explicit waiter(const executor_type& executor) : timer(executor) {}
    asio::steady_timer timer;
    connection_ptr handed_connection;  // an idle connection handed over
    bool granted = false;              // a connection or a slot is ours
};

}  // namespace

struct connection_pool::state {
    state(executor_type s, std::shared_ptr<ssl::context> t, api_endpoint e, const client_options& o)
        : executor(std::move(s)), tls(std::move(t)), endpoint(std::move(e)), options(o)
    {
    }

    executor_type executor;
    std::shared_ptr<ssl::context> tls;  // shared with the caller (or owned): never a dangling reference
    api_endpoint endpoint;
    const client_options& options;
    std::optional<tcp::resolver::results_type> resolved;  // see client_options::lookup_max_age
    clock::time_point resolved_at{};
    session_ptr saved_session;
    std::deque<connection_ptr> idle;  // back: most recently used
    std::shared_ptr<const request_header> last_header;
    std::list<waiter*> waiters;                    // FIFO
    std::size_t open = 0;
    pool_stats counters;

    // The request header for this exchange: the last one made, or a new one.
    std::shared_ptr<const request_header> header_for(const http_exchange& exchange)
    {
        if (!last_header || !last_header->fits(exchange))
            last_header = std::make_shared<const request_header>(exchange, endpoint);
        return last_header;
    }

    // A slot or connection is free again: the first waiter gets it, else it is kept.
    void release(connection_ptr c)
    {
        if (c && options.idle_timeout <= std::chrono::milliseconds(0)) {  // no reuse: close, free the slot
            c->close();
            c.reset();
        }
        if (c && !waiters.empty()) {
            waiter* w = waiters.front();
            waiters.pop_front();
            w->handed_connection = std::move(c);
            w->granted = true;
            w->timer.cancel();
            return;
        }
        if (c) {
            c->idle_since = clock::now();
            idle.push_back(std::move(c));
            return;
        }
        if (!waiters.empty()) {  // a closed connection's slot goes straight to the first waiter
            waiter* w = waiters.front();
            waiters.pop_front();
            w->granted = true;
            w->timer.cancel();
            return;
        }
        --open;
    }

    void discard(connection_ptr c)
    {
        c->close();
        release(nullptr);
    }

    connection_ptr take_idle()
    {
        while (!idle.empty()) {
            connection_ptr c = std::move(idle.back());
            idle.pop_back();
            const auto idle = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - c->idle_since);
            if (idle > options.idle_timeout) {
                ++counters.idle_expired;
                c->close();
                --open;
            } else if (idle > stale_check_after && c->looks_closed()) {
                ++counters.stale_discarded;
                c->close();
                --open;
            } else {
                return c;
            }
        }
        return nullptr;
    }
};

namespace {

// Owns a connection (or a reserved slot) for one exchange; gives it back on every path.
class lease {
public:
    lease(connection_pool::state& pool, connection_ptr c) : pool_(pool), connection_(std::move(c)) {}
    lease(const lease&) = delete;
    ~lease()
    {
        if (connection_)
            pool_.discard(std::move(connection_));
    }
    connection& get() { return *connection_; }
    void keep() { pool_.release(std::move(connection_)); }

private:
    connection_pool::state& pool_;
    connection_ptr connection_;
};

// Waits for an idle connection or a free slot, in arrival order, until `deadline`.
// An idle connection or a free slot now, unless others are already waiting; else null.
connection_ptr try_acquire(connection_pool::state& pool)
{
    if (!pool.waiters.empty())
        return nullptr;
    if (auto c = pool.take_idle())
        return c;
    if (pool.open >= pool.options.max_connections)
        return nullptr;
    ++pool.open;
    return std::make_shared<connection>(pool.executor, *pool.tls);
}

// Waits in line for a connection or a slot, until `deadline`.
asio::awaitable<std::pair<error_code, connection_ptr>> wait_for_connection(connection_pool::state& pool,
                                                                           clock::time_point deadline)
{
    waiter w(pool.executor);
    w.timer.expires_at(deadline);
    auto position = pool.waiters.insert(pool.waiters.end(), &w);
    // Leaves the queue on every path, also when this frame is destroyed without resuming
    // (an io_context destroyed with the call queued).
    struct leave_queue {
        connection_pool::state& pool;
        waiter& w;
        std::list<waiter*>::iterator position;
        ~leave_queue()
        {
            if (!w.granted)
                pool.waiters.erase(position);
        }
    } in_queue{pool, w, position};
    auto [wait_error] = co_await w.timer.async_wait(use_tuple);
    if (!w.granted) {
        if (!wait_error)
            co_return std::pair{error_code(client_errc::timeout), nullptr};
        co_return std::pair{error_code(asio::error::operation_aborted), nullptr};
    }
    if (w.handed_connection)
        co_return std::pair{error_code{}, std::move(w.handed_connection)};
    co_return std::pair{error_code{}, std::make_shared<connection>(pool.executor, *pool.tls)};
}

bool is_ip_address(const std::string& host)
{
    error_code ec;
    asio::ip::make_address(host, ec);
    return !ec;
}

// An address in the URL needs no lookup. (Asio's lookups run on a thread of their own, and a
// second thread makes every malloc and shared_ptr count in the process dearer.)
std::optional<tcp::resolver::results_type> literal_address(const api_endpoint& endpoint)
{
    error_code ec;
    const asio::ip::address address = asio::ip::make_address(endpoint.host, ec);
    unsigned short port = 0;
    const auto [end, parse_error] =
        std::from_chars(endpoint.port.data(), endpoint.port.data() + endpoint.port.size(), port);
    if (ec || parse_error != std::errc() || end != endpoint.port.data() + endpoint.port.size())
        return std::nullopt;
    return tcp::resolver::results_type::create(tcp::endpoint(address, port), endpoint.host, endpoint.port);
}

// A name lookup bounded by `deadline` and by cancellation. A running getaddrinfo cannot be
// interrupted (Asio 1.81), so the call stops waiting for it instead: the lookup finishes in
// the background and its result is dropped.
asio::awaitable<std::pair<error_code, tcp::resolver::results_type>> resolve(const executor_type& executor,
                                                                           const api_endpoint& endpoint,
                                                                           clock::time_point deadline)
{
    struct lookup {
        explicit lookup(const executor_type& e) : resolver(e), wake(e) {}
        tcp::resolver resolver;
        asio::steady_timer wake;  // expires at the deadline, cancelled when the lookup ends
        bool finished = false;
        error_code error;
        tcp::resolver::results_type results;
    };
    auto state = std::make_shared<lookup>(executor);
    state->wake.expires_at(deadline);
    state->resolver.async_resolve(endpoint.host, endpoint.port,
                                  [state](error_code ec, tcp::resolver::results_type results) {
                                      state->finished = true;
                                      state->error = ec;
                                      state->results = std::move(results);
                                      state->wake.cancel();
                                  });
    auto [wait_error] = co_await state->wake.async_wait(use_tuple);
    if (state->finished)
        co_return std::pair{state->error, std::move(state->results)};
    if (!wait_error)
        co_return std::pair{error_code(beast::error::timeout), tcp::resolver::results_type()};
    co_return std::pair{error_code(asio::error::operation_aborted), tcp::resolver::results_type()};
}

asio::awaitable<error_code> open_connection(connection_pool::state& pool, connection& c, clock::time_point deadline)
{
    const api_endpoint& endpoint = pool.endpoint;
    if (!pool.resolved)
        pool.resolved = literal_address(endpoint);  // never expires: nothing was looked up
    else if (pool.resolved_at != clock::time_point{} && clock::now() - pool.resolved_at > pool.options.lookup_max_age)
        pool.resolved.reset();
    if (!pool.resolved) {
        ++pool.counters.lookups;
        auto [resolve_error, results] = co_await resolve(pool.executor, endpoint, deadline);
        if (resolve_error)
            co_return resolve_error;
        pool.resolved = std::move(results);
        pool.resolved_at = clock::now();
    }
    auto [connect_error, ignored_endpoint] = co_await c.tcp().async_connect(*pool.resolved, use_tuple);
    if (connect_error) {
        pool.resolved.reset();  // resolve again next time
        co_return connect_error;
    }
    c.tcp().socket().set_option(tcp::no_delay(true));
    if (endpoint.tls) {
        SSL* handle = c.stream.native_handle();
        // SNI carries host names only, never addresses (RFC 6066).
        if (!is_ip_address(endpoint.host) && !SSL_set_tlsext_host_name(handle, endpoint.host.c_str()))
            co_return error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category());
        c.stream.set_verify_mode(ssl::verify_peer);
        // OpenSSL's own host check (not a verify callback): a mismatch is then a certificate
        // error like any other, named by the verify result and sent as a bad_certificate alert.
        const bool host_set = is_ip_address(endpoint.host)
                                  ? X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(handle), endpoint.host.c_str()) == 1
                                  : SSL_set1_host(handle, endpoint.host.c_str()) == 1;
        if (!host_set)
            co_return error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category());
        if (pool.saved_session)
            SSL_set_session(handle, pool.saved_session.get());
        auto [handshake_error] = co_await c.stream.async_handshake(ssl::stream_base::client, use_tuple);
        if (handshake_error) {
            if (handshake_error != asio::error::operation_aborted)
                pool.resolved.reset();  // the address may now belong to another host
            co_return handshake_error;
        }
        if (SSL_session_reused(handle))
            ++pool.counters.sessions_resumed;
    }
    c.connected = true;
    ++pool.counters.connections_opened;
    co_return error_code{};
}

void remember_session(connection_pool::state& pool, connection& c)
{
    // TLS 1.3 tickets arrive after the handshake: take the session once a response was read.
    if (!pool.endpoint.tls || !pool.options.resume_tls_sessions)
        return;
    SSL_SESSION* session = SSL_get1_session(c.stream.native_handle());
    if (session && SSL_SESSION_is_resumable(session))
        pool.saved_session.reset(session);
    else if (session)
        SSL_SESSION_free(session);
}

template <class Stream>
asio::awaitable<void> exchange_on(Stream& stream, connection& c, std::string_view body, const client_options& options,
                                  attempt_result& result)
{
    const std::array<asio::const_buffer, 2> request{asio::buffer(c.header->bytes), asio::buffer(body)};
    auto [write_error, written] = co_await asio::async_write(stream, request, use_tuple);
    result.request_written = written > 0;
    if (write_error) {
        result.error = write_error;
        co_return;
    }
    // Interim responses (1xx, RFC 9110 section 15.2) are read and skipped: the final one follows on
    // the same connection, and must not be left there for the next request to read.
    for (unsigned interim = 0;; ++interim) {
        reply_parser parser(result, options.max_body_bytes);
        auto [read_error, read] = co_await http::async_read(stream, c.buffer, parser, use_tuple);
        result.bytes_read += read;
        if (read_error) {
            result.original_error = read_error;
            if (read_error == http::error::body_limit) {
                // Slack answered; the answer is unusable (and the rest of it unread).
                result.error = client_errc::body_too_large;
                result.response_received = true;
                co_return;
            }
            result.status = 0;  // what arrived before the failure is not a response
            result.retry_after.clear();
            result.body.clear();
            if (read_error == http::error::end_of_stream || read_error == asio::error::eof ||
                read_error == ssl::error::stream_truncated || read_error == asio::error::connection_reset)
                result.error = client_errc::connection_closed;
            else if (read_error.category() == make_error_code(http::error::end_of_stream).category())
                result.error = client_errc::bad_response;  // any other Beast HTTP parse error
            else
                result.error = std::exchange(result.original_error, {});  // passed on unchanged
            co_return;
        }
        if (result.status >= 200 || result.status < 100) {
            result.response_received = true;
            result.keep_alive = parser.keep_alive();
            co_return;
        }
        result.retry_after.clear();  // an interim response's fields are not the answer's
        result.body.clear();
        // A 101 we never asked for, or interim responses without end: not an HTTP/1.1 answer.
        if (result.status == 101 || interim >= max_interim_responses) {
            result.status = 0;
            result.error = client_errc::bad_response;
            co_return;
        }
    }
}

// Decrypted bytes of earlier answers (tokens) stay in a connection's read buffer: wipe them.
// Only the bytes this exchange read: an empty flat_buffer writes from its start, and wiping its
// whole capacity on every call would cost more than the parse.
void wipe(beast::flat_buffer& buffer, std::size_t bytes_read)
{
    if (buffer.size() != 0)
        return;  // unread bytes: the connection is not reused, and closes with them
    const auto storage = buffer.prepare(std::min(bytes_read, buffer.capacity()));
    OPENSSL_cleanse(storage.data(), storage.size());
}

request_header::request_header(const http_exchange& exchange, const api_endpoint& endpoint)
    : method(exchange.method), authorization(exchange.authorization), body_size(exchange.body.size())
{
    http::request<http::empty_body> header;
    header.method(http::verb::post);
    header.version(11);
    header.target(std::string(endpoint.path_prefix).append(exchange.method));
    header.set(http::field::host, endpoint.host_header);
    header.set(http::field::user_agent, "slack-asio/0.1");
    header.set(http::field::content_type, "application/x-www-form-urlencoded");
    if (!exchange.authorization.empty())
        header.set(http::field::authorization,
                   beast::string_view(exchange.authorization.data(), exchange.authorization.size()));
    header.content_length(exchange.body.size());
    header.keep_alive(true);
    std::ostringstream out;
    out << header.base();
    bytes = std::move(out).str();
    if (auto it = header.find(http::field::authorization); it != header.end())  // Beast's copy of it, too
        OPENSSL_cleanse(const_cast<char*>(it->value().data()), it->value().size());
}

}  // namespace

connection_pool::connection_pool(executor_type executor, std::shared_ptr<ssl::context> tls, api_endpoint endpoint,
                                 const client_options& options)
    : state_(std::make_unique<state>(std::move(executor), std::move(tls), std::move(endpoint), options))
{
}

connection_pool::~connection_pool()
{
    for (auto& c : state_->idle)
        c->close();
}

asio::awaitable<attempt_result> connection_pool::send(const http_exchange& exchange, clock::time_point deadline)
{
    for (bool first_try = true;; first_try = false) {
        attempt_result result;
        connection_ptr acquired = try_acquire(*state_);  // the common case: no coroutine frame
        if (!acquired) {
            auto [wait_error, handed] = co_await wait_for_connection(*state_, deadline);
            if (wait_error) {
                result.error = wait_error;
                co_return result;
            }
            acquired = std::move(handed);
        }
        lease held(*state_, std::move(acquired));
        // A cancellation that came with the grant (or during the open below) ends the call
        // before any byte of the request leaves; the connection goes back unused.
        if (cancelled(co_await asio::this_coro::cancellation_state)) {
            if (held.get().connected)
                held.keep();  // else the lease frees the slot
            result.error = asio::error::operation_aborted;
            co_return result;
        }
        if (exchange.rate_gate && *exchange.rate_gate > clock::now()) {  // closed while we were queued
            if (held.get().connected)
                held.keep();
            result.gate_closed = true;
            co_return result;
        }
        if (clock::now() >= deadline) {  // granted too late: no attempt starts past its deadline
            if (held.get().connected)
                held.keep();
            result.error = beast::error::timeout;
            co_return result;
        }
        connection& c = held.get();
        c.arm(deadline);
        const bool reused = c.connected;
        if (reused) {
            ++state_->counters.connections_reused;
        } else if (error_code open_error = co_await open_connection(*state_, c, deadline)) {
            result.error = c.timed_out ? error_code(beast::error::timeout) : open_error;
            if (const long verified = SSL_get_verify_result(c.stream.native_handle());
                state_->endpoint.tls && verified != X509_V_OK)
                result.tls_verify_error = X509_verify_cert_error_string(verified);
            c.disarm();
            co_return result;
        }
        if (cancelled(co_await asio::this_coro::cancellation_state)) {
            c.disarm();
            held.keep();
            result.error = asio::error::operation_aborted;
            co_return result;
        }

        if (!c.header || !c.header->fits(exchange))
            c.header = state_->header_for(exchange);
        if (state_->endpoint.tls)
            co_await exchange_on(c.stream, c, exchange.body, state_->options, result);
        else
            co_await exchange_on(c.tcp(), c, exchange.body, state_->options, result);
        c.disarm();
        if (c.timed_out && result.error)
            result.error = beast::error::timeout;

        // A connection believed open failed before any byte left: nothing was spent, so
        // try once more on a fresh connection (the lease closes this one).
        if (reused && result.error && !result.request_written && first_try &&
            result.error != asio::error::operation_aborted)
            continue;
        if (result.response_received && !c.served)
            remember_session(*state_, c);
        c.served = true;
        wipe(c.buffer, result.bytes_read);
        // Only a connection whose answer was read to its end, with nothing after it, is reused.
        if (result.response_received && !result.error && result.keep_alive && c.buffer.size() == 0 && !c.timed_out)
            held.keep();
        co_return result;
    }
}

void connection_pool::close_idle()
{
    for (auto& c : state_->idle) {
        c->close();
        --state_->open;
    }
    state_->idle.clear();
}

pool_stats connection_pool::stats() const
{
    pool_stats s = state_->counters;
    s.open = state_->open;
    s.idle = state_->idle.size();
    s.queued = state_->waiters.size();
    return s;
}

}  // namespace slack::web::detail
