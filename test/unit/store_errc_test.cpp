// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Every store error has a message and a name of its own, in the slack.store category.
#include <slack/condition.hpp>
#include <slack/store/store_errc.hpp>

#include <boost/test/unit_test.hpp>

#include <set>
#include <iterator>
#include <string>

#include "errc_checks.hpp"

namespace {
const slack_test::errc_row<slack::store_errc> rows[] = {
#include "store_errc_table.inc"
};
}  // namespace

BOOST_AUTO_TEST_SUITE(store_errc_tests)

BOOST_AUTO_TEST_CASE(uniform_properties)
{
    BOOST_TEST(std::size(rows) == static_cast<std::size_t>(slack::store_errc::reinstall_required));
    slack_test::check_errc_table<slack::store_errc>(rows, slack::store_category(), "slack.store",
                                                    0x3e5b0c7a1d52f4a9ULL);
}

BOOST_AUTO_TEST_CASE(every_error_has_its_own_message_and_name)
{
    std::set<std::string> messages, names;
    const int last = static_cast<int>(slack::store_errc::reinstall_required);
    for (int e = 1; e <= last; ++e) {
        const boost::system::error_code ec = static_cast<slack::store_errc>(e);
        BOOST_TEST(ec.category().name() == std::string("slack.store"));
        BOOST_TEST(ec.message() != "unknown slack.store error");
        BOOST_TEST(!slack::to_string(static_cast<slack::store_errc>(e)).empty());
        messages.insert(ec.message());
        names.insert(std::string(slack::to_string(static_cast<slack::store_errc>(e))));
    }
    BOOST_TEST(messages.size() == static_cast<std::size_t>(last));
    BOOST_TEST(names.size() == static_cast<std::size_t>(last));
    BOOST_TEST(slack::to_string(slack::store_errc::invalid_page_size) == std::string("invalid_page_size"));
    const boost::system::error_code past_the_end = static_cast<slack::store_errc>(last + 1);
    BOOST_TEST(past_the_end.message() == "unknown slack.store error");
}

// A retry policy or a caller tests conditions: a database that failed over is worth another try,
// a lost refresh token is not.
BOOST_AUTO_TEST_CASE(store_errors_belong_to_the_conditions_a_caller_tests)
{
    using slack::condition;
    using slack::store_errc;
    const boost::system::error_code unavailable = store_errc::unavailable;
    BOOST_TEST((unavailable == condition::transient));
    BOOST_TEST((unavailable != condition::auth));
    BOOST_TEST((boost::system::error_code(store_errc::refresh_busy) == condition::transient));
    const boost::system::error_code reinstall = store_errc::reinstall_required;
    BOOST_TEST((reinstall == condition::auth));
    BOOST_TEST((reinstall != condition::transient));
    BOOST_TEST((boost::system::error_code(store_errc::invalid_key) == condition::invalid_request));
    BOOST_TEST((boost::system::error_code(store_errc::corrupt_row) != condition::transient));
}

BOOST_AUTO_TEST_SUITE_END()
