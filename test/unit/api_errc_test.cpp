// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Tests for slack::api_errc, driven by the generated table in api_errc_table.inc.
#include <boost/test/unit_test.hpp>

#include <slack/api_errc.hpp>

#include "errc_checks.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace slack {
// Lets BOOST_TEST print enumerators in failure messages.
inline std::ostream& operator<<(std::ostream& os, api_errc e)
{
    return os << "api_errc(" << static_cast<int>(e) << ", \"" << to_string(e) << "\")";
}
}  // namespace slack

namespace {

using row = slack_test::errc_row<slack::api_errc>;

const row rows[] = {
#include "api_errc_table.inc"
};

constexpr std::size_t expected_row_count = 836;

}  // namespace

BOOST_AUTO_TEST_SUITE(api_errc)

BOOST_AUTO_TEST_CASE(row_count) { BOOST_TEST(std::size(rows) == expected_row_count); }

// The properties every generated error enum shares (errc_checks.hpp).
BOOST_AUTO_TEST_CASE(uniform_properties)
{
    slack_test::check_errc_table<slack::api_errc>(rows, slack::api_category(), "slack.api", 0x715074098e8b0dd6ULL);
}

BOOST_AUTO_TEST_CASE(values_unique_and_contiguous_from_one)
{
    std::vector<int> values;
    for (const row& r : rows)
        values.push_back(static_cast<int>(r.code));
    std::sort(values.begin(), values.end());
    BOOST_TEST((std::adjacent_find(values.begin(), values.end()) == values.end()));
    for (std::size_t i = 0; i < values.size(); ++i)
        BOOST_TEST(values[i] == static_cast<int>(i + 1));
    BOOST_TEST(static_cast<int>(slack::api_errc::unknown_error) == 1);
}

BOOST_AUTO_TEST_CASE(wire_names_unique)
{
    std::set<std::string_view> names;
    for (const row& r : rows)
        BOOST_TEST(names.insert(r.name).second, "duplicate wire name " << r.name);
}

BOOST_AUTO_TEST_CASE(every_row_round_trips)
{
    for (const row& r : rows) {
        BOOST_TEST_CONTEXT("wire " << r.name)
        {
            BOOST_TEST(slack::to_string(r.code) == r.name);
            BOOST_TEST(slack::from_string(r.name) == r.code);
            const boost::system::error_code ec = make_error_code(r.code);
            BOOST_TEST(ec.value() == static_cast<int>(r.code));
            BOOST_TEST(ec.message() == std::string(r.message));
            BOOST_TEST(ec.category().name() == std::string_view("slack.api"));
            BOOST_TEST((ec.category() == slack::api_category()));
            BOOST_TEST(static_cast<bool>(ec));
        }
    }
}

BOOST_AUTO_TEST_CASE(implicit_conversion_to_error_code)
{
    const boost::system::error_code ec = slack::api_errc::ratelimited;
    BOOST_TEST((ec == slack::make_error_code(slack::api_errc::ratelimited)));
    BOOST_TEST((ec == slack::api_errc::ratelimited));
    BOOST_TEST((ec != slack::api_errc::invalid_code));
    BOOST_TEST(&slack::api_category() == &slack::api_category());
}

BOOST_AUTO_TEST_CASE(unknown_strings_map_to_unknown_error)
{
    const std::string_view unknown[] = {
        "",
        "no_such_error_xyz",
        "RATELIMITED",
        "Ratelimited",
        "ratelimite",                           // proper prefix of a known name
        "ratelimitedx",                         // known name plus a suffix
        "ratelimited ",                         // trailing space
        " ratelimited",                         // leading space
        "invalid_code\n",                       // trailing newline
        std::string_view("ratelimited\0", 12),  // embedded NUL
        "a",                                    // before every known name
        "zzzzzzzz",                             // after every known name
    };
    for (std::string_view s : unknown) {
        BOOST_TEST_CONTEXT("string \"" << s << "\"")
        {
            BOOST_TEST(slack::from_string(s) == slack::api_errc::unknown_error);
        }
    }
}

BOOST_AUTO_TEST_CASE(first_and_last_names_found)
{
    // The ends of the sorted index are the classic binary-search off-by-one spots.
    std::vector<std::string_view> names;
    for (const row& r : rows)
        names.push_back(r.name);
    std::sort(names.begin(), names.end());
    BOOST_TEST(slack::to_string(slack::from_string(names.front())) == names.front());
    BOOST_TEST(slack::to_string(slack::from_string(names.back())) == names.back());
}

BOOST_AUTO_TEST_CASE(unknown_error_is_itself_a_wire_string)
{
    BOOST_TEST(slack::from_string("unknown_error") == slack::api_errc::unknown_error);
    BOOST_TEST(slack::to_string(slack::api_errc::unknown_error) == "unknown_error");
}

BOOST_AUTO_TEST_CASE(seed_errors_have_own_messages)
{
    const slack::api_errc seeded[] = {
        slack::api_errc::invalid_code,
        slack::api_errc::code_already_used,
        slack::api_errc::ratelimited,
        slack::api_errc::bad_client_secret,
    };
    for (slack::api_errc e : seeded) {
        BOOST_TEST_CONTEXT(e)
        {
            const std::string message = make_error_code(e).message();
            BOOST_TEST(!message.empty());
            BOOST_TEST(message != std::string(slack::to_string(e)));
        }
    }
}

BOOST_AUTO_TEST_CASE(rows_without_message_use_wire_name)
{
    // access_token_exchange_failed is neither a seed nor a common error.
    const auto e = slack::api_errc::access_token_exchange_failed;
    BOOST_TEST(make_error_code(e).message() == "access_token_exchange_failed");
}

BOOST_AUTO_TEST_CASE(out_of_range_values)
{
    for (int v : {0, -1, static_cast<int>(expected_row_count) + 1, 100000}) {
        BOOST_TEST_CONTEXT("value " << v)
        {
            const boost::system::error_code ec(v, slack::api_category());
            BOOST_TEST(ec.message() == "unknown slack.api error");
            const auto e = static_cast<slack::api_errc>(v);
            BOOST_TEST(slack::to_string(e).empty());
            BOOST_TEST(slack::detail::api_errc_condition(e) == 0);
        }
    }
}

BOOST_AUTO_TEST_CASE(message_into_buffer)
{
    char buffer[8];
    const boost::system::error_code ec = slack::api_errc::access_token_exchange_failed;
    BOOST_TEST(std::string_view(ec.message(buffer, sizeof buffer)) == "access_token_exchange_failed");
}

BOOST_AUTO_TEST_CASE(condition_values)
{
    using slack::api_errc;
    using slack::detail::api_errc_condition;
    // 1 rate_limited, 2 transient, 3 auth, 4 invalid_request, 5 outcome_unknown.
    BOOST_TEST(api_errc_condition(api_errc::ratelimited) == 1);
    BOOST_TEST(api_errc_condition(api_errc::service_unavailable) == 2);
    BOOST_TEST(api_errc_condition(api_errc::request_timeout) == 2);
    BOOST_TEST(api_errc_condition(api_errc::invalid_auth) == 3);
    BOOST_TEST(api_errc_condition(api_errc::bad_client_secret) == 3);
    BOOST_TEST(api_errc_condition(api_errc::invalid_refresh_token) == 3);
    BOOST_TEST(api_errc_condition(api_errc::invalid_code) == 4);
    BOOST_TEST(api_errc_condition(api_errc::code_already_used) == 4);
    BOOST_TEST(api_errc_condition(api_errc::unknown_method) == 4);
    BOOST_TEST(api_errc_condition(api_errc::fatal_error) == 5);
    BOOST_TEST(api_errc_condition(api_errc::internal_error) == 5);
    BOOST_TEST(api_errc_condition(api_errc::unknown_error) == 0);
    BOOST_TEST(api_errc_condition(api_errc::user_email_unverified) == 0);

    int with_condition = 0;
    for (const row& r : rows) {
        const int c = api_errc_condition(r.code);
        BOOST_TEST((c >= 0 && c <= 5), r.name << " has condition " << c);
        if (c != 0)
            ++with_condition;
    }
    // Most errors belong to no condition.
    BOOST_TEST(with_condition < static_cast<int>(std::size(rows)) / 4);
}

BOOST_AUTO_TEST_SUITE_END()
