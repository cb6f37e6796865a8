// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Slack's request signatures: Slack's documented example, and each refusal.
#include <slack/install/request_signature.hpp>

#include <slack/install/install_errc.hpp>

#include "printing.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace slack;
using namespace std::chrono_literals;
namespace install = slack::install;

namespace {

// Slack's example from "Verifying requests from Slack" (a documented, not a live, secret).
// Checked apart: printf '%s' "v0:1531420618:$BODY" | openssl dgst -sha256 -hmac 8f742231b10e8888abcd99yyyzzz85a5
const std::string example_secret = "8f742231b10e8888abcd99yyyzzz85a5";
const std::string example_timestamp = "1531420618";
const std::string example_body =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
    "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const std::string example_signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const auto example_time = std::chrono::system_clock::time_point(std::chrono::seconds(1531420618));

boost::system::error_code verify_at(std::chrono::system_clock::time_point now,
                                    std::string_view timestamp = example_timestamp,
                                    std::string_view body = example_body,
                                    std::string_view signature = example_signature,
                                    std::string_view secret = example_secret)
{
    return install::verify_request_signature(secret, timestamp, body, signature, now);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_signatures)

BOOST_AUTO_TEST_CASE(slacks_documented_example_verifies)
{
    BOOST_TEST(install::sign_request(example_secret, example_timestamp, example_body) == example_signature);
    BOOST_TEST(!verify_at(example_time));
    BOOST_TEST(!verify_at(example_time + 300s));
    BOOST_TEST(!verify_at(example_time - 300s));
}

BOOST_AUTO_TEST_CASE(outside_the_window_or_unreadable_is_stale)
{
    BOOST_TEST((verify_at(example_time + 301s) == install_errc::signature_stale));
    BOOST_TEST((verify_at(example_time - 301s) == install_errc::signature_stale));
    for (const char* timestamp : {"abc", "1531420618.5", " 1531420618", "+1531420618", "-1", "99999999999999999999"})
        BOOST_TEST((verify_at(example_time, timestamp) == install_errc::signature_stale), timestamp);
    BOOST_TEST(!install::verify_request_signature(example_secret, example_timestamp, example_body, example_signature,
                                                  example_time + 9min, 10min));
}

BOOST_AUTO_TEST_CASE(missing_headers_and_an_empty_secret)
{
    BOOST_TEST((verify_at(example_time, "") == install_errc::signature_missing));
    BOOST_TEST((verify_at(example_time, example_timestamp, example_body, "") == install_errc::signature_missing));
    BOOST_TEST((verify_at(example_time, example_timestamp, example_body, example_signature, "") ==
                install_errc::secret_too_short));
}

BOOST_AUTO_TEST_CASE(any_change_is_a_mismatch)
{
    const auto mismatch = install_errc::signature_mismatch;
    BOOST_TEST((verify_at(example_time, example_timestamp, example_body + " ") == mismatch));
    BOOST_TEST((verify_at(example_time, "1531420619") == mismatch));
    BOOST_TEST((verify_at(example_time, example_timestamp, example_body, example_signature, example_secret + "x") ==
                mismatch));
    std::string upper = example_signature;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    BOOST_TEST((verify_at(example_time, example_timestamp, example_body, upper) == mismatch));
    BOOST_TEST((verify_at(example_time, example_timestamp, example_body, example_signature.substr(3)) == mismatch));
    BOOST_TEST(
        (verify_at(example_time, example_timestamp, example_body, "v1=" + example_signature.substr(3)) == mismatch));
}

BOOST_AUTO_TEST_CASE(messages_name_no_secret)
{
    for (int e = 1; e <= static_cast<int>(install_errc::id_token_nonce_mismatch); ++e) {
        const boost::system::error_code ec = static_cast<install_errc>(e);
        BOOST_TEST(ec.category().name() == std::string("slack.install"));
        BOOST_TEST(ec.message().find("unknown") == std::string::npos);
        BOOST_TEST(!to_string(static_cast<install_errc>(e)).empty());
    }
    BOOST_TEST(to_string(install_errc::state_browser_mismatch) == std::string("state_browser_mismatch"));
}

BOOST_AUTO_TEST_SUITE_END()
