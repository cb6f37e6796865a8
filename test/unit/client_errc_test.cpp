// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack::client_errc: the properties every generated error enum shares, and its messages.
#include <boost/test/unit_test.hpp>

#include <slack/client_errc.hpp>

#include <iterator>
#include <string>

#include "errc_checks.hpp"

namespace {
const slack_test::errc_row<slack::client_errc> rows[] = {
#include "client_errc_table.inc"
};
}  // namespace

BOOST_AUTO_TEST_SUITE(client_errc)

BOOST_AUTO_TEST_CASE(uniform_properties)
{
    BOOST_TEST(std::size(rows) == static_cast<std::size_t>(slack::client_errc::proxy_refused));
    slack_test::check_errc_table<slack::client_errc>(rows, slack::client_category(), "slack.client",
                                                     0x5c1d6e0b93a4f217ULL);
}

BOOST_AUTO_TEST_CASE(code_probably_consumed_names_no_particular_credential)
{
    // Said for a code, a refresh token or a token alike: the call's diagnostics name which, so
    // the message must not name one method's "already spent" error.
    const std::string message = make_error_code(slack::client_errc::code_probably_consumed).message();
    for (const char* specific :
         {"code_already_used", "invalid_code", "invalid_refresh_token", "token_revoked", "token_already_exchanged"})
        BOOST_TEST(message.find(specific) == std::string::npos, message << " names " << specific);
    BOOST_TEST(message.find("code") != std::string::npos);
    BOOST_TEST(message.find("refresh token") != std::string::npos);
    BOOST_TEST(message.find("single-use") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
