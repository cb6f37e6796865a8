// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock's sockets: a Beast HTTP/1.1 server over TLS (or plain TCP) on 127.0.0.1,
// keep-alive, one coroutine per connection, all on the caller's executor.
#include <slack/mock/server.hpp>

#include "mock/behaviour.hpp"
#include "mock/certificate.hpp"
#include "mock/request_log.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <fstream>
#include <list>
#include <stdexcept>

namespace slack::mock {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

namespace {
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t max_request_body = 1024 * 1024;
}  // namespace

struct server::state {
    state(asio::any_io_executor ex, server_options opts)
        : executor(std::move(ex)),
          options(std::move(opts)),
          certificate(detail::make_self_signed_certificate(options.certificate_hosts)),
          tls(ssl::context::tls_server),
          acceptor(executor),
          app(options),
          log(options)
    {
        tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3);
        tls.use_certificate_chain(asio::buffer(certificate.certificate_pem));
        tls.use_private_key(asio::buffer(certificate.private_key_pem), ssl::context::pem);
    }

    asio::any_io_executor executor;
    server_options options;
    detail::certificate certificate;
    ssl::context tls;
    tcp::acceptor acceptor;
    detail::oauth_app app;
    detail::request_log log;
    std::list<tcp::socket*> sockets;        // open connections, closed by stop()
    std::list<asio::steady_timer*> delays;  // scripted delays, cancelled by stop()
    std::size_t accepted = 0;
    bool stopped = false;
};

namespace {

using state_ptr = std::shared_ptr<server::state>;

// Keeps `item` in `list` (for stop() to close or cancel) exactly as long as this lives: every
// way out of a coroutine, an exception or a destroyed frame included, takes it out again.
template <class T>
class registration {
public:
    registration(std::list<T*>& list, T& item) : list_(list), position_(list.insert(list.end(), &item)) {}
    ~registration() { list_.erase(position_); }
    registration(const registration&) = delete;
    registration& operator=(const registration&) = delete;

private:
    std::list<T*>& list_;
    typename std::list<T*>::iterator position_;
};

bool is_reset(const recorded_request& r) { return r.method == "POST" && r.target == "/mock/reset"; }

void reset_state(server::state& s)
{
    s.app.reset();
    s.log.clear();
}

// HTTP forbids a body, and so its length, in 1xx, 204 and 304 answers (RFC 9110 6.4.1).
bool forbids_body(unsigned status) { return status / 100 == 1 || status == 204 || status == 304; }

http::response<http::string_body> to_response(detail::outgoing_reply& reply, bool keep_alive)
{
    http::response<http::string_body> response;
    response.version(11);
    response.result(reply.status);  // the behaviour keeps it below 1000, where this would throw
    response.set(http::field::server, "slack-asio-mock");
    if (!reply.retry_after.empty())
        response.set(http::field::retry_after, reply.retry_after);
    if (!reply.location.empty())
        response.set(http::field::location, reply.location);
    response.keep_alive(keep_alive);
    if (forbids_body(reply.status))
        return response;
    response.set(http::field::content_type, reply.content_type);
    response.body() = std::move(reply.body);
    if (reply.chunked)
        response.chunked(true);
    else
        response.prepare_payload();
    if (reply.cut_body)  // Content-Length announces the whole body; half of it is sent
        response.body().resize(response.body().size() / 2);
    return response;
}

template <class Stream>
asio::awaitable<void> serve_requests(state_ptr s, Stream& stream, beast::tcp_stream& tcp, std::size_t connection)
{
    beast::flat_buffer buffer;
    while (!s->stopped) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(max_request_body);
        tcp.expires_after(s->options.idle_timeout);
        auto [read_error, read] = co_await http::async_read(stream, buffer, parser, use_tuple);
        if (read_error)
            co_return;
        http::request<http::string_body>& request = parser.get();

        recorded_request record;
        record.method = request.method_string();
        record.target = request.target();
        record.authorization = request[http::field::authorization];
        record.content_type = request[http::field::content_type];
        record.body = request.body();
        record.connection = connection;
        const detail::incoming_request incoming{record.method, record.target, record.authorization, record.content_type,
                                                record.body};
        detail::outgoing_reply reply;
        if (is_reset(record)) {  // server::reset over HTTP; not recorded, as it empties the record
            reset_state(*s);
            reply = detail::json_reply(boost::json::object{{"ok", true}});
        } else {
            reply = s->app.handle(incoming, record.code);
            record.status = reply.close_without_reply ? 0 : reply.status;
            s->log.record(std::move(record));
        }

        if (reply.delay.count() > 0) {
            asio::steady_timer timer(s->executor, reply.delay);
            const registration<asio::steady_timer> cancellable(s->delays, timer);
            co_await timer.async_wait(use_tuple);
        }
        if (reply.close_without_reply || s->stopped)
            co_return;
        http::response<http::string_body> response = to_response(reply, request.keep_alive());
        tcp.expires_after(s->options.idle_timeout);
        auto [write_error, written] = co_await http::async_write(stream, response, use_tuple);
        if (write_error || !response.keep_alive() || reply.cut_body)
            co_return;
    }
}

asio::awaitable<void> serve_connection(state_ptr s, tcp::socket socket)
{
    const std::size_t connection = ++s->accepted;
    error_code ignored_option;
    socket.set_option(tcp::no_delay(true), ignored_option);  // small responses: no Nagle delay
    try {
        beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), s->tls);
        beast::tcp_stream& tcp = stream.next_layer();
        const registration<tcp::socket> closable(s->sockets, tcp.socket());
        if (s->options.tls) {
            tcp.expires_after(s->options.idle_timeout);
            auto [handshake_error] = co_await stream.async_handshake(ssl::stream_base::server, use_tuple);
            if (!handshake_error)
                co_await serve_requests(s, stream, tcp, connection);
        } else {
            co_await serve_requests(s, tcp, tcp, connection);
        }
        error_code ignored;
        tcp.socket().shutdown(tcp::socket::shutdown_both, ignored);
        tcp.socket().close(ignored);
    } catch (...) {
        // Whatever one connection meets (memory exhausted, an answer Beast refuses) ends that
        // connection only; its socket closes as the stream is destroyed.
    }
}

asio::awaitable<void> accept_loop(state_ptr s)
{
    while (!s->stopped) {
        auto [accept_error, socket] = co_await s->acceptor.async_accept(use_tuple);
        if (accept_error) {
            if (s->stopped || accept_error == asio::error::operation_aborted)
                co_return;
            continue;  // e.g. too many open files: keep serving the others
        }
        asio::co_spawn(s->executor, serve_connection(s, std::move(socket)), asio::detached);
    }
}

}  // namespace

server::server(asio::any_io_executor executor, server_options options)
    : state_(std::make_shared<state>(std::move(executor), std::move(options)))
{
}

server::~server() { stop(); }

void server::start()
{
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), state_->options.port);
    state_->acceptor.open(endpoint.protocol());
    state_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    state_->acceptor.bind(endpoint);
    state_->acceptor.listen();
    asio::co_spawn(state_->executor, accept_loop(state_), asio::detached);
}

void server::stop()
{
    state_->stopped = true;
    error_code ignored;
    state_->acceptor.close(ignored);
    for (asio::steady_timer* timer : state_->delays)
        timer->cancel();
    for (tcp::socket* socket : state_->sockets) {
        socket->shutdown(tcp::socket::shutdown_both, ignored);
        socket->close(ignored);
    }
}

unsigned short server::port() const noexcept
{
    error_code ec;
    return state_->acceptor.local_endpoint(ec).port();
}

std::string server::base_url() const
{
    return std::string(state_->options.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port());
}

std::string server::api_url() const { return base_url() + "/api/"; }

const server_options& server::options() const noexcept { return state_->options; }
const std::string& server::ca_certificate_pem() const noexcept { return state_->certificate.certificate_pem; }

void server::write_ca_file(const std::string& path) const
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << state_->certificate.certificate_pem;
    if (!out.flush())
        throw std::runtime_error("mock: cannot write CA certificate to " + path);
}

std::string server::mint_code(std::string_view redirect_uri)
{
    return state_->app.mint_code({.method = "oauth.access", .redirect_uri = redirect_uri});
}
std::string server::mint_code(const code_options& options) { return state_->app.mint_code(options); }
minted_tokens server::mint_tokens(const token_options& options) { return state_->app.mint_tokens(options); }
void server::lose_refresh_answers(std::size_t count) { state_->app.lose_refresh_answers(count, {}); }
void server::lose_refresh_answers(std::size_t count, std::string_view refresh_token)
{
    state_->app.lose_refresh_answers(count, refresh_token);
}
void server::handle(std::string_view method, method_handler handler, token_check check)
{
    state_->app.handle(method, std::move(handler), check);
}
void server::reset() { reset_state(*state_); }
bool server::token_active(std::string_view access_token) const { return state_->app.token_active(access_token); }
std::vector<recorded_request> server::requests() const { return state_->log.requests(); }
std::size_t server::exchanges(std::string_view credential) const { return state_->log.exchanges(credential); }
rate_count server::rate_counts(std::string_view workspace, std::string_view method) const
{
    return state_->app.rate_counts(workspace, method);
}
std::size_t server::connections_accepted() const noexcept { return state_->accepted; }

memory_use server::memory() const noexcept
{
    return {.recorded_requests = state_->log.size(),
            .recorded_bytes = state_->log.bytes(),
            .counted_code_bytes = state_->log.counted_code_bytes(),
            .live_codes = state_->app.live_codes(),
            .code_bytes = state_->app.code_bytes(),
            .live_tokens = state_->app.live_tokens(),
            .token_bytes = state_->app.token_bytes()};
}

}  // namespace slack::mock
