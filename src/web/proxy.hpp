// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Which proxy, if any, a client's connections go through: client_options::proxy or the
// environment (HTTPS_PROXY, NO_PROXY), parsed once when the client is made. Private, and light.
#include "web/transport.hpp"

#include <slack/web/client_options.hpp>

#include <boost/system/error_code.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace slack::web::detail {

/// An HTTP proxy that tunnels with CONNECT.
struct proxy_route {
    proxy_route() = default;
    proxy_route(const proxy_route&) = default;
    proxy_route& operator=(const proxy_route&) = default;
    ~proxy_route();  ///< Wipes `authorization`.

    api_endpoint endpoint;      ///< The proxy's host and port (plain TCP).
    std::string authorization;  ///< "Basic ..." for Proxy-Authorization, or empty. A secret.
};

/// Parses `http://[user:password@]host[:port][/]` (no scheme: http; no port: 1080, as curl).
/// Sets `error` to invalid_proxy_url or unsupported_proxy_scheme when it cannot be used.
proxy_route parse_proxy_url(std::string_view url, boost::system::error_code& error);

/// Whether `host` (a name, or an address without brackets) at `port` is excluded by a NO_PROXY
/// list, by curl's rules: comma-separated entries, `*` alone excludes every host, a name matches
/// itself and its subdomains (a leading dot is optional), an address matches itself only, and
/// an entry's `:port` limits it to that port. Case-insensitive.
bool no_proxy_matches(std::string_view list, std::string_view host, std::string_view port);

/// The proxy `target`'s connections go through: client_options::proxy, else (when
/// proxy_from_environment and `target` is https) https_proxy or HTTPS_PROXY; none when unset
/// or when no_proxy (else no_proxy/NO_PROXY from the environment when opted in) excludes it.
/// Sets `error` and `problem` (which never quotes the URL: it may carry a password).
std::optional<proxy_route> choose_proxy(const client_options& options, const api_endpoint& target,
                                        boost::system::error_code& error, const char*& problem);

}  // namespace slack::web::detail
