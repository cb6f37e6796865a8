// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/request_header.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/write.hpp>

#include <openssl/crypto.h>

#include <sstream>

namespace slack::web::detail {

namespace beast = boost::beast;
namespace http = beast::http;

request_header::request_header(const http_exchange& exchange, const api_endpoint& endpoint)
    : method(exchange.method),
      content_type(exchange.content_type),
      authorization(exchange.authorization),
      body_size(exchange.body.size())
{
    http::request<http::empty_body> header;
    header.method(http::verb::post);
    header.version(11);
    header.target(std::string(endpoint.path_prefix).append(exchange.method));
    header.set(http::field::host, endpoint.host_header);
    header.set(http::field::user_agent, "slack-asio/0.1");
    header.set(http::field::content_type,
               beast::string_view(exchange.content_type.data(), exchange.content_type.size()));
    if (exchange.authorization && !exchange.authorization->empty())
        header.set(http::field::authorization,
                   beast::string_view(exchange.authorization->data(), exchange.authorization->size()));
    header.content_length(exchange.body.size());
    header.keep_alive(true);
    std::ostringstream out;
    out << header.base();
    bytes = std::move(out).str();
    if (auto it = header.find(http::field::authorization); it != header.end())  // Beast's copy of it, too
        OPENSSL_cleanse(const_cast<char*>(it->value().data()), it->value().size());
}

request_header::~request_header() { OPENSSL_cleanse(bytes.data(), bytes.size()); }

}  // namespace slack::web::detail
