// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack::install_errc: the properties every generated error enum shares.
#include <slack/install/install_errc.hpp>

#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <iterator>

#include "errc_checks.hpp"

namespace {
const slack_test::errc_row<slack::install_errc> rows[] = {
#include "install_errc_table.inc"
};
}  // namespace

BOOST_AUTO_TEST_SUITE(install_errc_tests)

BOOST_AUTO_TEST_CASE(uniform_properties)
{
    BOOST_TEST(std::size(rows) == static_cast<std::size_t>(slack::install_errc::id_token_nonce_mismatch));
    slack_test::check_errc_table<slack::install_errc>(rows, slack::install_category(), "slack.install",
                                                      0xaa179b3375da4c61ULL);
}

BOOST_AUTO_TEST_SUITE_END()
