// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/url.hpp"

#include "redis/errc.hpp"

#include <boost/url/parse.hpp>
#include <openssl/crypto.h>

#include <charconv>

namespace slack::redis {

server_address::~server_address() { OPENSSL_cleanse(password.data(), password.size()); }

boost::system::result<server_address> parse_url(std::string_view url)
{
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed)
        return errc::bad_url;
    const auto& u = *parsed;
    const bool tls = u.scheme() == "rediss";
    if ((!tls && u.scheme() != "redis") || u.encoded_host().empty() || u.has_query() || u.has_fragment())
        return errc::bad_url;

    server_address out;
    out.tls = tls;
    out.host = u.host_address();
    if (u.has_port()) {
        const auto port = u.port_number();
        if (port == 0)
            return errc::bad_url;
        out.port = port;
    }
    if (u.has_userinfo()) {
        out.user = u.user();
        out.has_password = u.has_password();
        u.password(boost::urls::string_token::assign_to(out.password));  // no temporary copy left behind
    }
    std::string_view path = u.encoded_path();
    if (!path.empty() && path != "/") {
        path.remove_prefix(1);
        const auto [end, ec] = std::from_chars(path.data(), path.data() + path.size(), out.database);
        if (ec != std::errc{} || end != path.data() + path.size())
            return errc::bad_url;
    }
    return out;
}

}  // namespace slack::redis
