// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// openid.connect.userInfo's date_email_verified: seconds or milliseconds, never an overflow.
#include "web/envelope.hpp"
#include "web/method_runner.hpp"
#include "web/response_table.hpp"

#include <slack/web/methods/openid_connect_user_info.hpp>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <limits>

using namespace slack::web::detail;
using slack::web::user_info_response;
using std::chrono::system_clock;

namespace slack::web::detail {
extern template const response_table<user_info_response>& table_of<openid_connect_user_info>();
}

namespace {

// The response to a userInfo answer whose date_email_verified is written as `date`.
user_info_response with_date(std::string_view date)
{
    table_builder<user_info_response> builder{table_of<slack::web::openid_connect_user_info>()};
    attempt_result reply;
    reply.response_received = true;
    reply.status = 200;
    reply.body = R"({"ok":true,"sub":"U0R7JM","date_email_verified":)" + std::string(date) + "}";
    slack::diagnostics diag;
    attempt_outcome outcome;
    interpret_reply(reply, diag, builder, outcome);
    BOOST_REQUIRE(!outcome.error);
    std::string problem;
    BOOST_REQUIRE(!builder.finish(std::move(reply.body), problem));
    return std::move(builder.response);
}

std::int64_t seconds_of(std::optional<system_clock::time_point> at)
{
    return std::chrono::duration_cast<std::chrono::seconds>(at.value().time_since_epoch()).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(user_info)

BOOST_AUTO_TEST_CASE(date_email_verified_in_seconds_or_milliseconds)
{
    BOOST_TEST(seconds_of(with_date("1622128723").date_email_verified()) == 1622128723);
    BOOST_TEST(seconds_of(with_date("1622128723456").date_email_verified()) == 1622128723);
    BOOST_TEST(with_date("1622128723456").date_email_verified()->time_since_epoch() ==
               std::chrono::milliseconds(1622128723456));
    BOOST_TEST(seconds_of(with_date("0").date_email_verified()) == 0);
    BOOST_TEST(seconds_of(with_date("9223372035").date_email_verified()) == 9223372035);  // 2262, in seconds
}

BOOST_AUTO_TEST_CASE(date_email_verified_out_of_the_clock_is_absent_not_overflowed)
{
    // Each of these overflowed system_clock's nanoseconds (UB; UBSan stops on it).
    const std::string max = std::to_string(std::numeric_limits<std::int64_t>::max());
    BOOST_TEST(!with_date(max).date_email_verified());
    BOOST_TEST(!with_date("9223372036854775").date_email_verified());  // INT64_MAX / 1000 ms: year 292278
    BOOST_TEST(!with_date("9223372036000").date_email_verified());     // just past 2262 in ms
    BOOST_TEST(!with_date("9223372036").date_email_verified());        // just past 2262 in seconds
    BOOST_TEST(!with_date("99999999999").date_email_verified());       // year 5138 in seconds
    BOOST_TEST(with_date("9223372035999").date_email_verified().has_value());
    BOOST_TEST(!with_date("-1").date_email_verified());
    BOOST_TEST(!with_date(std::to_string(std::numeric_limits<std::int64_t>::min())).date_email_verified());
    BOOST_TEST(!with_date("92233720368547758070").date_email_verified());  // not an int64
    BOOST_TEST(!with_date("1.5e9").date_email_verified());
    BOOST_TEST(!with_date("null").date_email_verified());
}

BOOST_AUTO_TEST_SUITE_END()
