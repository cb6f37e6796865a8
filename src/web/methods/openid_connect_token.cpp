// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// openid.connect.token, both grants: the v2 grants' fields sent, its own answer's table.
#include "web/method_runner.hpp"
#include "web/methods/v2_access_table.hpp"

#include <slack/web/methods/openid_connect_token.hpp>

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t { access_token, token_type, id_token, refresh_token, expires_in, state, count };
static_assert(field::count == openid_token_response::field_count);

using json_kind::number;
using json_kind::string;

constexpr field_spec fields[] = {
    {"", "access_token", string, access_token, field_spec::top, true},
    {"", "token_type", string, token_type},
    {"", "id_token", string, id_token},
    {"", "refresh_token", string, refresh_token, field_spec::top, true},
    {"", "expires_in", number, expires_in},
    {"", "state", string, state},
};

const char* unusable(const openid_token_response& r)
{
    return r.access_token().empty() ? "without an access_token" : nullptr;
}

}  // namespace

template <>
struct method_definition<openid_connect_token> {
    static const char* check(const v2_access_params& p) { return check_code_grant(p); }
    static void encode(const v2_access_params& p, std::string& body) { encode_code_grant(p, body); }
    static constexpr response_table<openid_token_response> table{openid_connect_token::name, fields, unusable};
};

template <>
struct method_definition<openid_connect_refresh> {
    static const char* check(const v2_refresh_params& p) { return check_refresh_grant(p); }
    static void encode(const v2_refresh_params& p, std::string& body) { encode_refresh_grant(p, body); }
    static constexpr response_table<openid_token_response> table{openid_connect_refresh::name, fields, unusable};
};

template void start_method<openid_connect_token>(std::shared_ptr<client_impl>, const v2_access_params&,
                                                 slack::diagnostics*, method_handler<openid_connect_token>);
template void start_method<openid_connect_refresh>(std::shared_ptr<client_impl>, const v2_refresh_params&,
                                                   slack::diagnostics*, method_handler<openid_connect_refresh>);

}  // namespace detail

using detail::field;

std::string_view openid_token_response::access_token() const noexcept { return text(slot(field::access_token)); }
std::string_view openid_token_response::token_type() const noexcept { return text(slot(field::token_type)); }
std::string_view openid_token_response::id_token() const noexcept { return text(slot(field::id_token)); }
std::string_view openid_token_response::refresh_token() const noexcept { return text(slot(field::refresh_token)); }
std::optional<std::chrono::seconds> openid_token_response::expires_in() const noexcept
{
    return seconds(slot(field::expires_in));
}
std::optional<std::chrono::system_clock::time_point> openid_token_response::expires_at() const noexcept
{
    return expiry(slot(field::expires_in));
}
std::string_view openid_token_response::state() const noexcept { return text(slot(field::state)); }

}  // namespace slack::web
