// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Authorize URLs with Boost.URL: the base is parsed and checked, the path appended, and the
// query built field by field with the same form encoding as request bodies (web/form.hpp), since
// Boost.URL 1.81's params leave a literal '+' unescaped.
#include <slack/install/authorize_url.hpp>

#include "web/form.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <initializer_list>
#include <stdexcept>
#include <utility>

namespace slack::install {

namespace urls = boost::urls;

namespace {

using field = std::pair<std::string_view, std::string_view>;

std::string url_with_query(std::string_view base, std::string_view path, std::initializer_list<field> fields)
{
    auto parsed = urls::parse_absolute_uri(base);
    if (!parsed || (parsed->scheme_id() != urls::scheme::https && parsed->scheme_id() != urls::scheme::http) ||
        !parsed->has_authority() || parsed->encoded_host().empty())
        throw std::invalid_argument("authorize URL: the base is not an absolute http(s) URL");
    if (parsed->has_query())
        throw std::invalid_argument("authorize URL: the base must not have a query");
    urls::url url(*parsed);
    std::string_view base_path = url.encoded_path();
    while (!base_path.empty() && base_path.back() == '/')
        base_path.remove_suffix(1);
    url.set_encoded_path(std::string(base_path) + std::string(path));

    std::string query;
    for (const auto& [key, value] : fields)
        if (!value.empty())
            web::detail::append_form_field(query, key, value);
    url.set_encoded_query(query);
    return std::string(url.buffer());
}

// Only with a challenge: Slack accepts S256 alone.
std::string_view challenge_method(std::string_view challenge) { return challenge.empty() ? "" : "S256"; }

}  // namespace

std::string authorize_url(const authorize_params& p, std::string_view base)
{
    return url_with_query(base, "/oauth/v2/authorize",
                          {{"client_id", p.client_id},
                           {"scope", p.scope},
                           {"user_scope", p.user_scope},
                           {"redirect_uri", p.redirect_uri},
                           {"state", p.state},
                           {"team", p.team},
                           {"code_challenge", p.code_challenge},
                           {"code_challenge_method", challenge_method(p.code_challenge)}});
}

std::string openid_authorize_url(const openid_authorize_params& p, std::string_view base)
{
    return url_with_query(base, "/openid/connect/authorize",
                          {{"response_type", "code"},
                           {"client_id", p.client_id},
                           {"scope", p.scope},
                           {"redirect_uri", p.redirect_uri},
                           {"state", p.state},
                           {"nonce", p.nonce},
                           {"team", p.team},
                           {"code_challenge", p.code_challenge},
                           {"code_challenge_method", challenge_method(p.code_challenge)}});
}

}  // namespace slack::install
