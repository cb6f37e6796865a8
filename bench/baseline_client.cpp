// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The baseline: a minimal hand-written Beast client sending the operation's request as
// described by describe_request(). Pre-built request, one connection per worker, no JSON
// (a 200 starting {"ok":true is success), no retries: the cost floor.
#include "load.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/ssl.h>

namespace bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
using stream_type = beast::ssl_stream<beast::tcp_stream>;

struct baseline_state {
    baseline_state(const target& where, const request_description& sent) : tls(ssl::context::tls_client)
    {
        tls.add_certificate_authority(asio::buffer(where.ca_pem));
        tls.set_verify_mode(ssl::verify_peer);
        endpoint = tcp::endpoint(asio::ip::make_address(where.host), where.port);
        request.method(http::verb::post);
        request.target("/api/" + sent.method);
        request.set(http::field::host, where.host + ":" + std::to_string(where.port));
        for (const auto& [name, value] : sent.fields)
            request.set(name, value);
        request.body() = sent.body;
        request.content_length(sent.body.size());  // also when 0, as the SDK
        request.keep_alive(true);
    }
    ~baseline_state()
    {
        if (session)
            SSL_SESSION_free(session);
    }
    ssl::context tls;
    tcp::endpoint endpoint;
    http::request<http::string_body> request;
    SSL_SESSION* session = nullptr;  // for the resumption mode
    std::size_t next_call = 0;       // chat.postMessage: which token and body go next
};

// chat.postMessage: the next workspace's Authorization and the next body, set as a hand-written
// client would on its own request (the other operations send the same request every time).
void next_bot_message(baseline_state& state, http::request<http::string_body>& request)
{
    const bot_workload& sent = workload();
    const std::size_t k = state.next_call++;
    request.set(http::field::authorization, sent.authorizations[k % sent.authorizations.size()]);
    request.body() = sent.bodies[k % sent.bodies.size()];
    request.content_length(request.body().size());
}

asio::awaitable<bool> connect(baseline_state& state, stream_type& stream, const target& where, bool resume)
{
    stream.set_verify_callback(ssl::host_name_verification(where.host));
    if (resume && state.session)
        SSL_set_session(stream.native_handle(), state.session);
    auto [connect_error] = co_await beast::get_lowest_layer(stream).async_connect(state.endpoint, use_tuple);
    if (connect_error)
        co_return false;
    beast::get_lowest_layer(stream).socket().set_option(tcp::no_delay(true));
    auto [handshake_error] = co_await stream.async_handshake(ssl::stream_base::client, use_tuple);
    co_return !handshake_error;
}

void close(stream_type& stream)
{
    SSL_set_shutdown(stream.native_handle(), SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().close(ignored);
}

asio::awaitable<void> worker(std::shared_ptr<baseline_state> state, worker_context& context)
{
    auto executor = co_await asio::this_coro::executor;
    const bool keep_alive = context.what.mode == connection_mode::keep_alive;
    const bool resume = context.what.mode == connection_mode::resumption;
    const bool bot = context.what.op == operation::chat_post_message;
    http::request<http::string_body> request = state->request;  // its own: writes may overlap
    std::unique_ptr<stream_type> stream;
    beast::flat_buffer buffer;
    while (clock::now() < context.stop_at) {
        if (bot)
            next_bot_message(*state, request);
        const auto start = clock::now();
        if (!stream) {
            stream = std::make_unique<stream_type>(executor, state->tls);
            buffer.clear();
            if (!co_await connect(*state, *stream, context.where, resume)) {
                ++context.failures;
                stream.reset();
                continue;
            }
        }
        auto [write_error, written] = co_await http::async_write(*stream, request, use_tuple);
        http::response<http::string_body> response;
        beast::error_code read_error = write_error;
        if (!write_error)
            std::tie(read_error, std::ignore) = co_await http::async_read(*stream, buffer, response, use_tuple);
        // The minimal check: the mock's answers to mock-reusable start so; an error does not.
        if (read_error || response.result_int() != 200 || !response.body().starts_with(R"({"ok":true)")) {
            ++context.failures;
            close(*stream);
            stream.reset();
            continue;
        }
        if (resume && !state->session)
            state->session = SSL_get1_session(stream->native_handle());
        if (!keep_alive) {
            close(*stream);
            stream.reset();
        }
        if (start >= context.measure_from)
            context.latencies_us.push_back(std::chrono::duration<double, std::micro>(clock::now() - start).count());
    }
    if (stream)
        close(*stream);
    --context.workers_left;
}

}  // namespace

std::shared_ptr<void> spawn_baseline_workers(asio::io_context& ioc, worker_context& context)
{
    auto state = std::make_shared<baseline_state>(context.where, describe_request(context.what.op, context.where));
    for (unsigned i = 0; i < context.what.in_flight; ++i)
        asio::co_spawn(ioc, worker(state, context), asio::detached);
    return state;
}

}  // namespace bench
