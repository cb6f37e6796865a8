// The mock server seen from outside: its HTTP endpoint for minting codes and its answers to
// malformed calls, through a plain Beast client over TLS (what a non-C++ test would use).
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

using namespace slack::test;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

struct raw_reply {
    unsigned status = 0;
    std::string body;
};

// One HTTPS request to the mock, verifying its certificate like any client would.
asio::awaitable<raw_reply> request(mock_fixture& fx, http::verb verb, std::string target, std::string content_type,
                                   std::string body, std::string authorization)
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
    co_return raw_reply{res.result_int(), res.body()};
}

raw_reply send(mock_fixture& fx, http::verb verb, std::string target, std::string content_type = {},
               std::string body = {}, std::string authorization = {})
{
    std::optional<raw_reply> out;
    asio::co_spawn(fx.ioc,
                   request(fx, verb, std::move(target), std::move(content_type), std::move(body), std::move(authorization)),
                   [&](std::exception_ptr, raw_reply r) { out.emplace(std::move(r)); });
    fx.run_until([&] { return out.has_value(); }, 10s);
    return *out;
}

std::string slack_error(const raw_reply& r)
{
    auto value = boost::json::parse(r.body);
    return std::string(value.as_object().at("error").as_string());
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(mock_http, mock_fixture)

BOOST_AUTO_TEST_CASE(codes_minted_over_http_can_be_exchanged_once)
{
    const std::string redirect = "https://example.com/cb?x=1";
    raw_reply minted = send(*this, http::verb::post, "/mock/codes", "application/x-www-form-urlencoded",
                            "redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1");
    BOOST_REQUIRE(minted.status == 200u);
    auto json = boost::json::parse(minted.body).as_object();
    BOOST_TEST(json.at("ok").as_bool());
    BOOST_TEST(json.at("expires_in").as_int64() == 600);
    auto p = params(std::string(json.at("code").as_string()));

    slack::diagnostics diag;
    BOOST_TEST((access(p, diag).error() == slack::api_errc::bad_redirect_uri));  // minted with a redirect URI
    p.redirect_uri = redirect;
    BOOST_TEST(access(p, diag).has_value());
    BOOST_TEST((access(p, diag).error() == slack::api_errc::code_already_used));
}

BOOST_AUTO_TEST_CASE(malformed_calls_get_slacks_answers)
{
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access")) == "missing_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", "application/xml", "<x/>")) ==
               "invalid_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::get, "/api/oauth.access")) == "invalid_post_type");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", "application/x-www-form-urlencoded",
                                "code=%zz")) == "invalid_form_data");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/chat.postMessage", "application/x-www-form-urlencoded",
                                "")) == "unknown_method");
    BOOST_TEST(send(*this, http::verb::get, "/elsewhere").status == 404u);
    const auto recorded = server.requests();
    BOOST_TEST(recorded.size() == 6u);
    BOOST_TEST(recorded.back().target == "/elsewhere");
}

BOOST_AUTO_TEST_CASE(credentials_are_checked)
{
    const std::string form = "application/x-www-form-urlencoded";
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x")) == "invalid_client_id");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x", "Basic !!!")) ==
               "invalid_auth");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x", "Bearer xoxb-1")) ==
               "invalid_auth");
    BOOST_TEST(slack_error(send(*this, http::verb::post, "/api/oauth.access", form, "code=x", "Basic ====")) ==
               "invalid_auth");
}

BOOST_AUTO_TEST_SUITE_END()
