// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A connection's request header, as bytes: kept while method, content type, Authorization and
// body length stay the same, rewritten in place (no allocation once its buffer is big enough)
// when the next request differs, as a bot's calls for many workspaces or bodies do.
#include "web/transport.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace slack::web::detail {

struct request_header {
    request_header() = default;
    request_header(const http_exchange& exchange, const api_endpoint& endpoint) { write(exchange, endpoint); }
    ~request_header();  // its bytes hold the Authorization
    request_header(const request_header&) = delete;
    request_header& operator=(const request_header&) = delete;

    /// Replaces the bytes with the header of `exchange` (wiping the previous ones).
    void write(const http_exchange& exchange, const api_endpoint& endpoint);

    bool fits(const http_exchange& exchange) const
    {
        return !bytes.empty() && body_size == exchange.body.size() && part(method_at, method_size) == exchange.method &&
               part(type_at, type_size) == exchange.content_type && same_authorization(exchange.authorization);
    }

    // Mostly the very same string (the request's or the client's cached Basic header); else
    // compared by value.
    bool same_authorization(const std::shared_ptr<const std::string>& other) const
    {
        return authorization == other || (authorization && other && *authorization == *other);
    }

    std::string bytes;
    std::shared_ptr<const std::string> authorization;  // not a copy: whoever made it wipes it

private:
    std::string_view part(std::size_t at, std::size_t size) const { return std::string_view(bytes).substr(at, size); }
    // Where the method and the content type are in `bytes`: fits() reads them there, no copies.
    std::size_t method_at = 0, method_size = 0, type_at = 0, type_size = 0;
    std::size_t body_size = 0;
};

}  // namespace slack::web::detail
