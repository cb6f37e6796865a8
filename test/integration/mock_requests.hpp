// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Raw HTTPS requests to the mock through a plain Beast client (what a non-C++ test would
// use), each driven with a deadline.
#include "integration/mock_fixture.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>

#include <optional>
#include <string>

namespace slack::test {

namespace beast = boost::beast;
namespace http = beast::http;

struct raw_reply {
    unsigned status = 0;
    std::string body;
    std::string retry_after;
    std::string location;
    std::string content_type;
};

// One HTTPS request to the mock, verifying its certificate like any client would.
inline asio::awaitable<raw_reply> raw_request(mock_fixture& fx, http::verb verb, std::string target,
                                              std::string content_type, std::string body, std::string authorization)
{
    constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
    beast::ssl_stream<beast::tcp_stream> stream(fx.ioc, *fx.tls);
    stream.set_verify_mode(asio::ssl::verify_peer);
    stream.set_verify_callback(asio::ssl::host_name_verification("127.0.0.1"));
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), fx.server.port());
    auto [connect_error] = co_await beast::get_lowest_layer(stream).async_connect(endpoint, use_tuple);
    auto [handshake_error] = co_await stream.async_handshake(asio::ssl::stream_base::client, use_tuple);
    if (connect_error || handshake_error)
        co_return raw_reply{};
    http::request<http::string_body> req(verb, target, 11);
    req.set(http::field::host, "127.0.0.1");
    if (!content_type.empty())
        req.set(http::field::content_type, content_type);
    if (!authorization.empty())
        req.set(http::field::authorization, authorization);
    req.body() = std::move(body);
    req.prepare_payload();
    auto [write_error, written] = co_await http::async_write(stream, req, use_tuple);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    auto [read_error, read] = co_await http::async_read(stream, buffer, res, use_tuple);
    if (write_error || read_error)
        co_return raw_reply{};
    co_return raw_reply{res.result_int(), res.body(), std::string(res[http::field::retry_after]),
                        std::string(res[http::field::location]), std::string(res[http::field::content_type])};
}

inline raw_reply send(mock_fixture& fx, http::verb verb, std::string target, std::string content_type = {},
                      std::string body = {}, std::string authorization = {})
{
    std::optional<raw_reply> out;
    asio::co_spawn(
        fx.ioc,
        raw_request(fx, verb, std::move(target), std::move(content_type), std::move(body), std::move(authorization)),
        [&](std::exception_ptr, raw_reply r) { out.emplace(std::move(r)); });
    fx.run_until([&] { return out.has_value(); }, 10s);
    return *out;
}

inline std::string slack_error(const raw_reply& r)
{
    auto value = boost::json::parse(r.body);
    return std::string(value.as_object().at("error").as_string());
}

}  // namespace slack::test
