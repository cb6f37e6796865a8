// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Where a Redis server is and how to log in: redis://[user:password@]host[:port][/db], or
// rediss://... for TLS.
#include <boost/system/result.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace slack::redis {

struct server_address {
    std::string host;
    std::uint16_t port = 6379;
    std::string user;      // empty: the default user (AUTH with the password alone)
    std::string password;  // empty: no AUTH
    bool has_password = false;
    unsigned database = 0;  // SELECTed when not 0
    bool tls = false;       // rediss://: TLS, the server's certificate checked for `host`

    server_address() = default;
    server_address(const server_address&) = default;
    server_address& operator=(const server_address&) = default;
    // The password leaves no copy in memory (a short one sits inside the object itself). Copies
    // instead of moves: each copy is a server_address and is wiped in turn.
    ~server_address();
};

// Errors: errc::bad_url.
boost::system::result<server_address> parse_url(std::string_view url);

}  // namespace slack::redis
