// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Choosing and parsing the proxy: Boost.URL for the URL, curl's rules for NO_PROXY.
#include "web/proxy.hpp"

#include "crypto/base64.hpp"
#include "crypto/wiped_string.hpp"
#include "web/form.hpp"
#include "web/name_lookup.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>

#include <openssl/crypto.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <utility>

namespace slack::web::detail {
namespace {

bool iequals(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// Splits a NO_PROXY entry into host and port ("" when none): "[::1]:443", "::1", "a.b:443".
std::pair<std::string_view, std::string_view> split_entry(std::string_view entry)
{
    if (entry.starts_with('[')) {
        const auto close = entry.find(']');
        if (close == std::string_view::npos)
            return {entry, {}};
        const auto rest = entry.substr(close + 1);
        return {entry.substr(1, close - 1), rest.starts_with(':') ? rest.substr(1) : std::string_view()};
    }
    const auto colon = entry.find(':');
    if (colon == std::string_view::npos || entry.find(':', colon + 1) != std::string_view::npos)
        return {entry, {}};  // no port, or an IPv6 address without brackets
    return {entry.substr(0, colon), entry.substr(colon + 1)};
}

bool same_address(std::string_view a, std::string_view b)
{
    boost::system::error_code ea, eb;
    const auto x = boost::asio::ip::make_address(std::string(a), ea);
    const auto y = boost::asio::ip::make_address(std::string(b), eb);
    return !ea && !eb && x == y;
}

bool entry_matches(std::string_view entry, std::string_view host, std::string_view port)
{
    auto [name, entry_port] = split_entry(entry);
    if (!entry_port.empty() && entry_port != port)
        return false;
    if (is_ip_address(std::string(host)))
        return same_address(name, host);  // addresses match exactly, never as a suffix
    if (name.starts_with('.'))
        name.remove_prefix(1);
    if (name.empty())
        return false;
    if (iequals(name, host))
        return true;
    // A suffix on a label boundary: "example.com" matches "api.example.com", not "badexample.com".
    return host.size() > name.size() && host[host.size() - name.size() - 1] == '.' &&
           iequals(host.substr(host.size() - name.size()), name);
}

// The first of two environment variables that is set and not empty (curl reads lower case first).
std::string_view environment(const char* lower, const char* upper)
{
    for (const char* name : {lower, upper})
        if (const char* value = std::getenv(name); value && *value)
            return value;
    return {};
}

}  // namespace

proxy_route::~proxy_route() { OPENSSL_cleanse(authorization.data(), authorization.size()); }

proxy_route parse_proxy_url(std::string_view text, boost::system::error_code& error)
{
    proxy_route route;
    crypto::wiped_string with_scheme;                  // it may hold the credentials
    if (text.find("://") == std::string_view::npos) {  // "proxy:3128", as often found in HTTPS_PROXY
        with_scheme.text.reserve(7 + text.size());
        with_scheme.text.append("http://").append(text);
        text = with_scheme.text;
    }
    auto url = boost::urls::parse_absolute_uri(text);
    if (url && url->scheme_id() != boost::urls::scheme::http) {
        error = client_errc::unsupported_proxy_scheme;
        return route;
    }
    if (!url || !url->has_authority() || url->host().empty() || url->has_query() || url->has_fragment() ||
        (!url->encoded_path().empty() && url->encoded_path() != "/") ||
        !is_header_token(url->encoded_host_and_port())) {
        error = client_errc::invalid_proxy_url;
        return route;
    }
    route.endpoint.tls = false;
    route.endpoint.host = url->host_address();
    route.endpoint.port = url->has_port() ? std::string(url->port()) : "1080";
    if (route.endpoint.port.empty() || route.endpoint.port.size() > 5 || std::stoul(route.endpoint.port) == 0 ||
        std::stoul(route.endpoint.port) > 65535) {
        error = client_errc::invalid_proxy_url;
        return route;
    }
    if (url->has_userinfo()) {
        std::string credentials = url->user();
        if (credentials.find(':') != std::string::npos) {  // RFC 7617: a user-id has no colon
            OPENSSL_cleanse(credentials.data(), credentials.size());
            error = client_errc::invalid_proxy_url;
            return route;
        }
        credentials += ':';
        std::string password = url->password();
        credentials += password;
        route.authorization = "Basic " + crypto::base64(credentials);
        OPENSSL_cleanse(password.data(), password.size());
        OPENSSL_cleanse(credentials.data(), credentials.size());
    }
    return route;
}

bool no_proxy_matches(std::string_view list, std::string_view host, std::string_view port)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view entry = trim(list.substr(0, comma));
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        if (entry == "*" || (!entry.empty() && entry_matches(entry, host, port)))
            return true;
    }
    return false;
}

std::optional<proxy_route> choose_proxy(const client_options& options, const api_endpoint& target,
                                        boost::system::error_code& error, const char*& problem)
{
    std::string_view url = options.proxy;
    if (url.empty() && options.proxy_from_environment && target.tls)
        url = environment("https_proxy", "HTTPS_PROXY");
    if (url.empty())
        return std::nullopt;
    std::string_view exclusions = options.no_proxy;
    if (exclusions.empty() && options.proxy_from_environment)
        exclusions = environment("no_proxy", "NO_PROXY");
    if (no_proxy_matches(exclusions, target.host, target.port))
        return std::nullopt;
    boost::system::error_code proxy_error;
    proxy_route route = parse_proxy_url(url, proxy_error);
    if (!proxy_error)
        return route;
    // The first problem found is the one reported: an unusable api_url is not the proxy's fault.
    if (!error) {
        error = proxy_error;
        problem = proxy_error == client_errc::unsupported_proxy_scheme
                      ? "the proxy URL's scheme is not http:// (the only kind of proxy supported)"
                      : "the proxy URL is not http://[user:password@]host[:port]";
    }
    return std::nullopt;
}

}  // namespace slack::web::detail
