// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// paginate(): follows response_metadata.next_cursor through client.call(), against the mock's
// conversations.list (a handler registered with server::handle).
#include "bot/bot_fixture.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>

#include <stdexcept>

using namespace slack;
using namespace slack::test;

BOOST_FIXTURE_TEST_SUITE(paginate, bot_fixture)

BOOST_AUTO_TEST_CASE(follows_cursors_to_the_end)
{
    serve_conversations(5);
    web::client c = client();
    const std::string token = server.mint_tokens().access_token;
    pages_result read = list(c, {.call = {.form = {{"limit", "2"}}}}, token);
    BOOST_REQUIRE_MESSAGE(read.has_value(),
                          describe(read.has_error() ? read.error() : boost::system::error_code(), diag));
    BOOST_TEST(read->pages == 3u);
    BOOST_TEST(read->next_cursor.empty());
    BOOST_TEST(seen == channels, boost::test_tools::per_element());
    const auto requests = server.requests();
    BOOST_REQUIRE(requests.size() == 3u);
    BOOST_TEST(requests[0].body == "limit=2");
    BOOST_TEST(requests[1].body == "limit=2&cursor=2");
    BOOST_TEST(requests[2].body == "limit=2&cursor=4");
    BOOST_TEST(requests[2].authorization == "Bearer " + token);
}

BOOST_AUTO_TEST_CASE(a_json_body_gets_the_cursor_too_and_a_start_cursor_resumes)
{
    serve_conversations(5);
    web::client c = client();
    pages_result read = list(c, {.call = {.json = R"({"types":"public_channel"})"}, .cursor = "2"}, "mock-bot");
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->pages == 2u);
    BOOST_TEST(seen == (std::vector<std::string>{"C3", "C4", "C5"}), boost::test_tools::per_element());
    BOOST_TEST(server.requests().back().body == R"({"types":"public_channel","cursor":"4"})");
}

BOOST_AUTO_TEST_CASE(stops_on_the_first_error)
{
    serve_conversations(6);
    fault = [](const std::string& cursor) -> std::optional<mock::method_answer> {
        if (cursor == "2")
            return mock::method_answer::error("invalid_cursor");
        return std::nullopt;
    };
    web::client c = client();
    pages_result read = list(c, {}, "mock-bot");
    BOOST_REQUIRE(read.has_error());
    BOOST_TEST((read.error() == api_errc::invalid_cursor));
    BOOST_TEST(diag.error == "invalid_cursor");
    BOOST_TEST(seen == (std::vector<std::string>{"C1", "C2"}), boost::test_tools::per_element());
    BOOST_TEST(server.requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(waits_out_a_429_on_page_2_and_reads_on)
{
    serve_conversations(5);
    int limited = 0;
    fault = [&](const std::string& cursor) -> std::optional<mock::method_answer> {
        if (cursor == "2" && limited++ == 0)
            return mock::method_answer::rate_limited(std::chrono::seconds(1));
        return std::nullopt;
    };
    web::client c = client();
    const auto start = std::chrono::steady_clock::now();
    pages_result read = list(c, {}, "mock-bot");
    BOOST_REQUIRE_MESSAGE(read.has_value(),
                          describe(read.has_error() ? read.error() : boost::system::error_code(), diag));
    BOOST_TEST((std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(900)));
    BOOST_TEST(read->pages == 3u);
    BOOST_TEST(seen == channels, boost::test_tools::per_element());
    const auto requests = server.requests();
    BOOST_REQUIRE(requests.size() == 4u);
    BOOST_TEST(requests[1].status == 429u);
    BOOST_TEST(requests[2].body == "cursor=2");
}

BOOST_AUTO_TEST_CASE(is_bounded_by_max_pages_and_by_the_page_handler)
{
    serve_conversations(20);
    web::client c = client();
    pages_result read = list(c, {.max_pages = 3}, "mock-bot");
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->pages == 3u);
    BOOST_TEST(read->next_cursor == "6");  // where a later walk resumes
    BOOST_TEST(server.requests().size() == 3u);

    seen.clear();
    stop_after = 3;  // the handler returns false once it holds 3 channels: after page 2
    read = list(c, {.cursor = "6"}, "mock-bot");
    BOOST_REQUIRE(read.has_value());
    BOOST_TEST(read->pages == 2u);
    BOOST_TEST(read->next_cursor == "10");
    BOOST_TEST(seen == (std::vector<std::string>{"C7", "C8", "C9", "C10"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(refuses_bad_arguments_before_sending)
{
    serve_conversations(3);
    web::client c = client();
    const auto refused = [&](web::page_params params, std::string_view why) {
        diag = {};
        pages_result read = list(c, params, "mock-bot");
        BOOST_TEST((read.has_error() && read.error() == client_errc::invalid_argument));
        BOOST_TEST(diag.client_message.find(why) != std::string::npos, diag.client_message);
    };
    refused({.max_pages = 0}, "max_pages is 0");
    refused({.call = {.form = {{"cursor", "x"}}}}, "page_params::cursor");
    refused({.call = {.json = R"({"cursor":"x"})"}}, "page_params::cursor");
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_CASE(terminal_cancellation_ends_the_walk)
{
    serve_conversations(10);
    fault = [](const std::string& cursor) -> std::optional<mock::method_answer> {
        if (cursor == "2")
            return mock::method_answer::rate_limited(std::chrono::seconds(3));
        return std::nullopt;
    };
    web::client c = client();
    asio::cancellation_signal cancel;
    std::optional<pages_result> out;
    web::paginate(
        c, "conversations.list", {.call = {.idempotent = true}}, "mock-bot",
        [](const web::api_response&) { return true; },
        asio::bind_cancellation_slot(cancel.slot(), [&](pages_result r) { out.emplace(std::move(r)); }));
    run_until([&] { return server.requests().size() == 2u; });
    cancel.emit(asio::cancellation_type::terminal);
    run_until([&] { return out.has_value(); }, std::chrono::seconds(5));
    BOOST_TEST((out->has_error() && out->error() == asio::error::operation_aborted));
}

BOOST_AUTO_TEST_CASE(an_exception_from_the_page_handler_comes_out_of_run)
{
    serve_conversations(6);
    web::client c = client();
    bool completed = false;
    web::paginate(
        c, "conversations.list", {}, "mock-bot",
        [](const web::api_response&) -> bool { throw std::runtime_error("page handler failed"); },
        [&](pages_result) { completed = true; });
    BOOST_CHECK_THROW(run_until([&] { return completed; }), std::runtime_error);
    BOOST_TEST(!completed);
    BOOST_TEST(server.requests().size() == 1u);  // no page after the one that threw
}

BOOST_AUTO_TEST_SUITE_END()
