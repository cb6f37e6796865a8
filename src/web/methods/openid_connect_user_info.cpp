// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// openid.connect.userInfo: nothing to send but the token; the claims' table.
#include "web/method_runner.hpp"

#include <slack/web/methods/openid_connect_user_info.hpp>

#include <array>

namespace slack::web {
namespace detail {
namespace {

enum field : std::uint8_t {
    sub,
    user_id,
    team_id,
    enterprise_id,
    email,
    email_verified,
    date_email_verified,
    name,
    given_name,
    family_name,
    picture,
    locale,
    team_name,
    team_domain,
    enterprise_name,
    enterprise_domain,
    user_image_24,
    user_image_32,
    user_image_48,
    user_image_72,
    user_image_192,
    user_image_512,
    user_image_1024,
    team_image_34,
    team_image_44,
    team_image_68,
    team_image_88,
    team_image_102,
    team_image_132,
    team_image_230,
    team_image_default,
    count
};
static_assert(field::count == user_info_response::field_count);

using json_kind::boolean;
using json_kind::number;
using json_kind::string;

constexpr field_spec fields[] = {
    {"", "sub", string, sub},
    {"", "https://slack.com/user_id", string, user_id},
    {"", "https://slack.com/team_id", string, team_id},
    {"", "https://slack.com/enterprise_id", string, enterprise_id},
    {"", "email", string, email},
    {"", "email_verified", boolean, email_verified},
    {"", "date_email_verified", number, date_email_verified},
    {"", "name", string, name},
    {"", "given_name", string, given_name},
    {"", "family_name", string, family_name},
    {"", "picture", string, picture},
    {"", "locale", string, locale},
    {"", "https://slack.com/team_name", string, team_name},
    {"", "https://slack.com/team_domain", string, team_domain},
    {"", "https://slack.com/enterprise_name", string, enterprise_name},
    {"", "https://slack.com/enterprise_domain", string, enterprise_domain},
    {"", "https://slack.com/user_image_24", string, user_image_24},
    {"", "https://slack.com/user_image_32", string, user_image_32},
    {"", "https://slack.com/user_image_48", string, user_image_48},
    {"", "https://slack.com/user_image_72", string, user_image_72},
    {"", "https://slack.com/user_image_192", string, user_image_192},
    {"", "https://slack.com/user_image_512", string, user_image_512},
    {"", "https://slack.com/user_image_1024", string, user_image_1024},
    {"", "https://slack.com/team_image_34", string, team_image_34},
    {"", "https://slack.com/team_image_44", string, team_image_44},
    {"", "https://slack.com/team_image_68", string, team_image_68},
    {"", "https://slack.com/team_image_88", string, team_image_88},
    {"", "https://slack.com/team_image_102", string, team_image_102},
    {"", "https://slack.com/team_image_132", string, team_image_132},
    {"", "https://slack.com/team_image_230", string, team_image_230},
    {"", "https://slack.com/team_image_default", boolean, team_image_default},
};

const char* unusable(const user_info_response& r) { return r.sub().empty() ? "without sub" : nullptr; }

}  // namespace

template <>
struct method_definition<openid_connect_user_info> {
    static const char* check(const token_params&) { return nullptr; }
    static void encode(const token_params&, std::string&) {}
    static constexpr response_table<user_info_response> table{openid_connect_user_info::name, fields, unusable};
};

template const response_table<user_info_response>& table_of<openid_connect_user_info>();
template void start_method<openid_connect_user_info>(std::shared_ptr<client_impl>, const token_params&,
                                                     slack::diagnostics*, method_handler<openid_connect_user_info>);

}  // namespace detail

using detail::field;

std::string_view user_info_response::sub() const noexcept { return text(slot(field::sub)); }
std::string_view user_info_response::user_id() const noexcept { return text(slot(field::user_id)); }
std::string_view user_info_response::team_id() const noexcept { return text(slot(field::team_id)); }
std::string_view user_info_response::enterprise_id() const noexcept { return text(slot(field::enterprise_id)); }
std::string_view user_info_response::email() const noexcept { return text(slot(field::email)); }
std::optional<bool> user_info_response::email_verified() const noexcept { return boolean(slot(field::email_verified)); }
std::optional<std::chrono::system_clock::time_point> user_info_response::date_email_verified() const noexcept
{
    namespace chrono = std::chrono;
    const std::optional<std::int64_t> at = integer(slot(field::date_email_verified));
    // Seconds as documented, but milliseconds are seen too: 10^11 seconds would be the year 5138,
    // 10^11 milliseconds is 1973, before Slack existed.
    constexpr std::int64_t milliseconds_from = 100'000'000'000;
    // What the clock holds (its ticks are nanoseconds: until 2262); beyond, or before 1970, the
    // value is nonsense, and converting it would overflow.
    constexpr std::int64_t latest_second =
        chrono::duration_cast<chrono::seconds>(chrono::system_clock::duration::max()).count();
    if (!at || *at < 0)
        return std::nullopt;
    const chrono::milliseconds since_epoch(*at >= milliseconds_from ? *at : *at * 1000);
    if (since_epoch.count() / 1000 >= latest_second)
        return std::nullopt;
    return chrono::system_clock::time_point(chrono::duration_cast<chrono::system_clock::duration>(since_epoch));
}
std::string_view user_info_response::name() const noexcept { return text(slot(field::name)); }
std::string_view user_info_response::given_name() const noexcept { return text(slot(field::given_name)); }
std::string_view user_info_response::family_name() const noexcept { return text(slot(field::family_name)); }
std::string_view user_info_response::picture() const noexcept { return text(slot(field::picture)); }
std::string_view user_info_response::locale() const noexcept { return text(slot(field::locale)); }
std::string_view user_info_response::team_name() const noexcept { return text(slot(field::team_name)); }
std::string_view user_info_response::team_domain() const noexcept { return text(slot(field::team_domain)); }
std::string_view user_info_response::enterprise_name() const noexcept { return text(slot(field::enterprise_name)); }
std::string_view user_info_response::enterprise_domain() const noexcept { return text(slot(field::enterprise_domain)); }

std::optional<bool> user_info_response::team_image_default() const noexcept
{
    return boolean(slot(field::team_image_default));
}

std::string_view user_info_response::user_image(unsigned px) const noexcept
{
    constexpr std::array<std::pair<unsigned, field>, 7> sizes{{{24, field::user_image_24},
                                                               {32, field::user_image_32},
                                                               {48, field::user_image_48},
                                                               {72, field::user_image_72},
                                                               {192, field::user_image_192},
                                                               {512, field::user_image_512},
                                                               {1024, field::user_image_1024}}};
    for (const auto& [size, f] : sizes)
        if (size == px)
            return text(slot(f));
    return {};
}

std::string_view user_info_response::team_image(unsigned px) const noexcept
{
    constexpr std::array<std::pair<unsigned, field>, 7> sizes{{{34, field::team_image_34},
                                                               {44, field::team_image_44},
                                                               {68, field::team_image_68},
                                                               {88, field::team_image_88},
                                                               {102, field::team_image_102},
                                                               {132, field::team_image_132},
                                                               {230, field::team_image_230}}};
    for (const auto& [size, f] : sizes)
        if (size == px)
            return text(slot(f));
    return {};
}

}  // namespace slack::web
