// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Events API payloads: each lifecycle shape as Slack documents it, the fallbacks, and bodies
// that are not Slack's shape.
#include <slack/install/events.hpp>

#include "printing.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace slack;
namespace install = slack::install;

namespace {

template <class Event>
Event parsed_as(std::string_view body)
{
    const auto r = install::parse_event(body);
    BOOST_REQUIRE_MESSAGE(r.has_value(), "not parsed: " << body);
    BOOST_REQUIRE_MESSAGE(std::holds_alternative<Event>(*r), "another shape: " << body);
    return std::get<Event>(*r);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(lifecycle_event_parsing)

BOOST_AUTO_TEST_CASE(url_verification_as_documented)
{
    const auto check = parsed_as<install::url_verification_event>(
        R"({"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})");
    BOOST_TEST(check.challenge == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

BOOST_AUTO_TEST_CASE(app_uninstalled_as_documented)
{
    const auto gone = parsed_as<install::app_uninstalled_event>(
        R"({"token":"XXYYZZ","team_id":"TXXXXXXXX","api_app_id":"AXXXXXXXXX","event":{"type":"app_uninstalled"},)"
        R"("type":"event_callback","authed_users":["UXXXXXXX1"],"event_id":"Ev08MFMKH6","event_time":1234567890})");
    BOOST_TEST(gone.team_id == "TXXXXXXXX");
    BOOST_TEST(gone.enterprise_id.empty());
    BOOST_TEST(!gone.is_enterprise_install);
}

BOOST_AUTO_TEST_CASE(app_uninstalled_org_wide_and_from_authorizations)
{
    const auto org = parsed_as<install::app_uninstalled_event>(
        R"({"type":"event_callback","enterprise_id":"E1","team_id":"T1","is_enterprise_install":true,)"
        R"("event":{"type":"app_uninstalled"}})");
    BOOST_TEST(org.enterprise_id == "E1");
    BOOST_TEST(org.is_enterprise_install);
    const auto nested = parsed_as<install::app_uninstalled_event>(
        R"({"type":"event_callback","enterprise_id":null,"event":{"type":"app_uninstalled"},)"
        R"("authorizations":[{"enterprise_id":"E2","team_id":"T2","user_id":"U1","is_bot":true,"is_enterprise_install":false}]})");
    BOOST_TEST(nested.enterprise_id == "E2");
    BOOST_TEST(nested.team_id == "T2");
    BOOST_TEST(!nested.is_enterprise_install);
    const auto org_nested = parsed_as<install::app_uninstalled_event>(
        R"({"type":"event_callback","event":{"type":"app_uninstalled"},)"
        R"("authorizations":[{"enterprise_id":"E3","team_id":null,"is_enterprise_install":true}]})");
    BOOST_TEST(org_nested.enterprise_id == "E3");
    BOOST_TEST(org_nested.is_enterprise_install);
}

BOOST_AUTO_TEST_CASE(tokens_revoked_as_documented)
{
    const auto revoked = parsed_as<install::tokens_revoked_event>(
        R"({"token":"XXYYZZ","team_id":"TXXXXXXXX","api_app_id":"AXXXXXXXXX","event":{"type":"tokens_revoked",)"
        R"("tokens":{"oauth":["UXXXXXXXX","UYYYYYYYY"],"bot":["UBOTXXXXX"]}},"type":"event_callback",)"
        R"("authed_users":["UXXXXXXX1"],"event_id":"Ev08MFMKH6","event_time":1234567890})");
    BOOST_TEST(revoked.team_id == "TXXXXXXXX");
    BOOST_TEST((revoked.user_ids == std::vector<std::string>{"UXXXXXXXX", "UYYYYYYYY"}));
    BOOST_TEST((revoked.bot_ids == std::vector<std::string>{"UBOTXXXXX"}));
    const auto users_only = parsed_as<install::tokens_revoked_event>(
        R"({"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":{"oauth":["U1"]}}})");
    BOOST_TEST(users_only.bot_ids.empty());
}

BOOST_AUTO_TEST_CASE(other_events_keep_their_type)
{
    BOOST_TEST(parsed_as<install::other_event>(
                   R"({"type":"event_callback","team_id":"T1","event":{"type":"message","text":"hi"}})")
                   .type == "message");
    BOOST_TEST(
        parsed_as<install::other_event>(R"({"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1})").type ==
        "app_rate_limited");
}

BOOST_AUTO_TEST_CASE(bodies_that_are_not_slacks_shape_are_malformed)
{
    const std::vector<std::string> bodies = {
        "",
        "not json",
        "[]",
        "{}",
        R"({"type":1})",
        R"({"type":"url_verification"})",
        R"({"type":"url_verification","challenge":""})",
        R"({"type":"url_verification","challenge":7})",
        R"({"type":"event_callback","team_id":"T1"})",
        R"({"type":"event_callback","team_id":"T1","event":"app_uninstalled"})",
        R"({"type":"event_callback","team_id":"T1","event":{"type":null}})",
        R"({"type":"event_callback","event":{"type":"app_uninstalled"}})",
        R"({"type":"event_callback","team_id":7,"event":{"type":"app_uninstalled"}})",
        R"({"type":"event_callback","team_id":"T1","is_enterprise_install":true,"event":{"type":"app_uninstalled"}})",
        R"({"type":"event_callback","team_id":"T1","is_enterprise_install":"yes","event":{"type":"app_uninstalled"}})",
        R"({"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":[]}})",
        R"({"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":{"oauth":"U1"}}})",
        R"({"type":"event_callback","team_id":"T1","event":{"type":"tokens_revoked","tokens":{"bot":[1]}}})",
        R"({"type":"event_callback","team_id":"T1","event":{"type":"app_uninstalled"}} trailing)",
    };
    for (const std::string& body : bodies)
        BOOST_TEST((install::parse_event(body).error() == install_errc::event_malformed), body);
}

BOOST_AUTO_TEST_SUITE_END()
