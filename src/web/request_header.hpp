// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A request header serialized by Beast, immutable once made: shared by the pool (the last one
// made) and by the connections sending it, so that neither a kept-alive connection nor a new one
// formats it again while method, content type, Authorization and body length stay the same.
#include "web/transport.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace slack::web::detail {

struct request_header {
    request_header(const http_exchange& exchange, const api_endpoint& endpoint);
    ~request_header();  // its bytes hold the Authorization
    request_header(const request_header&) = delete;
    request_header& operator=(const request_header&) = delete;

    bool fits(const http_exchange& exchange) const
    {
        return body_size == exchange.body.size() && method == exchange.method &&
               content_type == exchange.content_type && same_authorization(exchange.authorization);
    }

    // Mostly the very same string (the client's cached Basic header); else compared by value.
    bool same_authorization(const std::shared_ptr<const std::string>& other) const
    {
        return authorization == other || (authorization && other && *authorization == *other);
    }

    std::string bytes;
    std::string method;
    std::string content_type;
    std::shared_ptr<const std::string> authorization;  // not a copy: whoever made it wipes it
    std::size_t body_size;
};

}  // namespace slack::web::detail
