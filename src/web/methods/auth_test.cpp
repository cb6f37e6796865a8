// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// auth.test: nothing to send but the token; the answer's table.
#include "web/method_runner.hpp"

#include <slack/web/methods/auth_test.hpp>

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t {
    url,
    team,
    user,
    team_id,
    user_id,
    bot_id,
    app_id,
    app_name,
    enterprise_id,
    is_enterprise_install,
    expires_in,
    count
};
static_assert(field::count == auth_test_response::field_count);

using json_kind::boolean;
using json_kind::number;
using json_kind::string;

constexpr field_spec fields[] = {
    {"", "url", string, url},
    {"", "team", string, team},
    {"", "user", string, user},
    {"", "team_id", string, team_id},
    {"", "user_id", string, user_id},
    {"", "bot_id", string, bot_id},
    {"", "app_id", string, app_id},
    {"", "app_name", string, app_name},
    {"", "enterprise_id", string, enterprise_id},
    {"", "is_enterprise_install", boolean, is_enterprise_install},
    {"", "expires_in", number, expires_in},
};

}  // namespace

template <>
struct method_definition<auth_test> {
    static const char* check(const token_params&) { return nullptr; }
    static void encode(const token_params&, std::string&) {}
    static constexpr response_table<auth_test_response> table{auth_test::name, fields};
};

template void start_method<auth_test>(std::shared_ptr<client_impl>, const token_params&, slack::diagnostics*,
                                      method_handler<auth_test>);

}  // namespace detail

using detail::field;

std::string_view auth_test_response::url() const noexcept { return text(slot(field::url)); }
std::string_view auth_test_response::team() const noexcept { return text(slot(field::team)); }
std::string_view auth_test_response::user() const noexcept { return text(slot(field::user)); }
std::string_view auth_test_response::team_id() const noexcept { return text(slot(field::team_id)); }
std::string_view auth_test_response::user_id() const noexcept { return text(slot(field::user_id)); }
std::string_view auth_test_response::bot_id() const noexcept { return text(slot(field::bot_id)); }
std::string_view auth_test_response::app_id() const noexcept { return text(slot(field::app_id)); }
std::string_view auth_test_response::app_name() const noexcept { return text(slot(field::app_name)); }
std::optional<std::string_view> auth_test_response::enterprise_id() const noexcept
{
    return optional_text(slot(field::enterprise_id));
}
bool auth_test_response::is_enterprise_install() const noexcept
{
    return boolean(slot(field::is_enterprise_install)).value_or(false);
}
std::optional<std::chrono::seconds> auth_test_response::expires_in() const noexcept
{
    return seconds(slot(field::expires_in));
}
std::optional<std::chrono::system_clock::time_point> auth_test_response::expires_at() const noexcept
{
    return expiry(slot(field::expires_in));
}

}  // namespace slack::web
