// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/name_lookup.hpp"

#include <charconv>

namespace slack::web::detail {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

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

}  // namespace slack::web::detail
