// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/install/redirect_query.hpp>

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

namespace slack::install {

namespace urls = boost::urls;

boost::system::result<redirect_query> parse_redirect_query(std::string_view query)
{
    if (!query.empty() && query.front() == '?')
        query.remove_prefix(1);
    auto parsed = urls::parse_query(query);
    if (!parsed)
        return {boost::system::in_place_error, install_errc::code_missing};
    urls::encoding_opts form;
    form.space_as_plus = true;
    redirect_query out;
    bool seen_code = false, seen_state = false, seen_error = false;
    auto take_first = [](bool& seen, std::string& into, const urls::param& p) {
        if (!seen)
            into = p.value;
        seen = true;
    };
    for (const urls::param p : urls::params_view(parsed->buffer(), form)) {
        if (p.key == "code")
            take_first(seen_code, out.code, p);
        else if (p.key == "state")
            take_first(seen_state, out.state, p);
        else if (p.key == "error")
            take_first(seen_error, out.error, p);
    }
    if (out.code.empty() && out.error.empty())
        return {boost::system::in_place_error, install_errc::code_missing};
    return out;
}

boost::system::error_code authorize_error(const redirect_query& query) noexcept
{
    if (query.error.empty())
        return {};
    return query.error == "access_denied" ? install_errc::access_denied : install_errc::authorize_failed;
}

}  // namespace slack::install
