#pragma once
// The API host's addresses: read from the URL when it holds one, else looked up within the
// attempt's deadline.
#include "web/transport.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

#include <optional>
#include <string>
#include <utility>

namespace slack::web::detail {

bool is_ip_address(const std::string& host);

/// The endpoint's address and port when the URL gives an address; nullopt for a host name.
std::optional<boost::asio::ip::tcp::resolver::results_type> literal_address(const api_endpoint& endpoint);

/// Looks the endpoint's host up; gives up (without its result) at `deadline` or on cancellation.
boost::asio::awaitable<std::pair<boost::system::error_code, boost::asio::ip::tcp::resolver::results_type>>
resolve(const executor_type& executor, const api_endpoint& endpoint, clock::time_point deadline);

}  // namespace slack::web::detail
