// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The cached request header: what it sends, and which exchanges may reuse it.
#include "web/request_header.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/test/unit_test.hpp>

#include <sstream>

#include <memory>
#include <string>
#include <utility>

using namespace slack::web::detail;

namespace {

api_endpoint slack_endpoint()
{
    api_endpoint endpoint;
    endpoint.host = "slack.com";
    endpoint.port = "443";
    endpoint.host_header = "slack.com";
    endpoint.path_prefix = "/api/";
    return endpoint;
}

std::shared_ptr<const std::string> value(std::string text)
{
    return std::make_shared<const std::string>(std::move(text));
}

// The header as Beast writes it (as the SDK made it before it wrote the bytes itself).
std::string written_by_beast(const http_exchange& exchange, const api_endpoint& endpoint)
{
    namespace http = boost::beast::http;
    http::request<http::empty_body> header;
    header.method(http::verb::post);
    header.version(11);
    header.target(endpoint.path_prefix + std::string(exchange.method));
    header.set(http::field::host, endpoint.host_header);
    header.set(http::field::user_agent, "slack-asio/0.1");
    header.set(http::field::content_type, std::string(exchange.content_type));
    if (exchange.authorization && !exchange.authorization->empty())
        header.set(http::field::authorization, *exchange.authorization);
    header.content_length(exchange.body.size());
    header.keep_alive(true);
    std::ostringstream out;
    out << header.base();
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_header_cache)

BOOST_AUTO_TEST_CASE(same_bytes_as_beast)
{
    api_endpoint with_port = slack_endpoint();
    with_port.host_header = "127.0.0.1:8443";
    const std::string long_body(12345, 'x');
    http_exchange json{"chat.postMessage", long_body, value("Bearer xoxb-1-2-abc"), nullptr};
    json.content_type = "application/json; charset=utf-8";
    for (const api_endpoint& endpoint : {slack_endpoint(), with_port})
        for (const http_exchange& exchange : {http_exchange{"oauth.v2.access", "code=1", value("Basic eDp5"), nullptr},
                                              http_exchange{"api.test", "", nullptr, nullptr}, json})
            BOOST_TEST(request_header(exchange, endpoint).bytes == written_by_beast(exchange, endpoint));
}

// A bot's calls for many workspaces: each token and body length rewrites the one header in place.
BOOST_AUTO_TEST_CASE(rewritten_in_place_for_another_token_or_length)
{
    request_header header;
    BOOST_TEST(!header.fits({"api.test", "", nullptr, nullptr}));  // nothing written yet
    const http_exchange first{"chat.postMessage", "text=a-longer-first-body", value("Bearer xoxb-first-workspace"),
                              nullptr};
    header.write(first, slack_endpoint());
    const char* buffer = header.bytes.data();
    const std::size_t capacity = header.bytes.capacity();
    const http_exchange second{"chat.postMessage", "text=b", value("Bearer xoxb-second"), nullptr};
    BOOST_TEST(!header.fits(second));
    header.write(second, slack_endpoint());
    BOOST_TEST(header.fits(second));
    BOOST_TEST(!header.fits(first));
    BOOST_TEST(header.bytes == written_by_beast(second, slack_endpoint()));
    BOOST_TEST(header.bytes.data() == buffer);  // no new allocation: the same buffer, as large as before
    BOOST_TEST(header.bytes.capacity() == capacity);
    BOOST_TEST(header.bytes.find("first") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_shorter_header_leaves_nothing_of_the_longer_token_behind)
{
    request_header header;
    const http_exchange longer{"chat.postMessage", "text=a",
                               value("Bearer xoxb-" + std::string(40, 'a') + "-first-workspace-secret"), nullptr};
    header.write(longer, slack_endpoint());
    const http_exchange shorter{"chat.postMessage", "text=a", value("Bearer x"), nullptr};
    header.write(shorter, slack_endpoint());
    // The whole buffer, past the end of the shorter header: the first token was wiped, not cut off.
    const std::string_view whole(header.bytes.data(), header.bytes.capacity());
    BOOST_TEST(whole.find("workspace-secret") == std::string_view::npos);
}

BOOST_AUTO_TEST_CASE(form_header_bytes)
{
    const http_exchange exchange{"oauth.access", "code=abc&x=1", value("Basic dGVzdA=="), nullptr};
    const request_header header(exchange, slack_endpoint());
    BOOST_TEST(header.bytes ==
               "POST /api/oauth.access HTTP/1.1\r\n"
               "Host: slack.com\r\n"
               "User-Agent: slack-asio/0.1\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               "Authorization: Basic dGVzdA==\r\n"
               "Content-Length: 12\r\n"
               "\r\n");
}

BOOST_AUTO_TEST_CASE(no_authorization_when_null_or_empty)
{
    for (const auto& authorization : {std::shared_ptr<const std::string>(), value("")}) {
        const http_exchange exchange{"api.test", "", authorization, nullptr};
        const request_header header(exchange, slack_endpoint());
        BOOST_TEST(header.bytes.find("Authorization") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(json_content_type_is_sent_and_not_mixed_with_form)
{
    http_exchange form{"chat.postMessage", "{\"a\":1}", nullptr, nullptr};
    http_exchange json = form;
    json.content_type = "application/json; charset=utf-8";
    const request_header json_header(json, slack_endpoint());
    BOOST_TEST(json_header.bytes.find("\r\nContent-Type: application/json; charset=utf-8\r\n") != std::string::npos);
    BOOST_TEST(json_header.fits(json));
    BOOST_TEST(!json_header.fits(form));
    BOOST_TEST(!request_header(form, slack_endpoint()).fits(json));
}

BOOST_AUTO_TEST_CASE(authorization_is_shared_not_copied)
{
    const auto token = value("Bearer xoxb-not-a-token");
    const http_exchange exchange{"auth.test", "", token, nullptr};
    const request_header header(exchange, slack_endpoint());
    BOOST_TEST(header.authorization == token);  // the same string, not a copy of it
    BOOST_TEST(header.fits(exchange));
}

BOOST_AUTO_TEST_CASE(fits_by_value_when_the_pointer_differs)
{
    const http_exchange exchange{"auth.test", "", value("Bearer one"), nullptr};
    const request_header header(exchange, slack_endpoint());
    BOOST_TEST(header.fits({"auth.test", "", value("Bearer one"), nullptr}));
    BOOST_TEST(!header.fits({"auth.test", "", value("Bearer two"), nullptr}));
    BOOST_TEST(!header.fits({"auth.test", "", nullptr, nullptr}));
    BOOST_TEST(!header.fits({"auth.test", "x", exchange.authorization, nullptr}));  // body length
    BOOST_TEST(!header.fits({"auth.revoke", "", exchange.authorization, nullptr}));

    const request_header anonymous({"api.test", "", nullptr, nullptr}, slack_endpoint());
    BOOST_TEST(anonymous.fits({"api.test", "", nullptr, nullptr}));
    BOOST_TEST(!anonymous.fits({"api.test", "", value("Bearer one"), nullptr}));
}

BOOST_AUTO_TEST_SUITE_END()
