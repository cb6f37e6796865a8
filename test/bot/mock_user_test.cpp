// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Your bot's test against slack::mock::server, in Boost.Test. Link slack::mock, slack::asio and
// Boost::unit_test_framework. The mock answers chat.postMessage with your handler, checks the
// token as Slack does, and records every request.
#define BOOST_TEST_MODULE my_bot
#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <optional>
#include <string>
#include <vector>

namespace asio = boost::asio;

// The code under test: the bot greets a channel, and says whether Slack took the message.
asio::awaitable<bool> greet(slack::web::client& client, std::string token, std::string channel)
{
    auto posted = co_await client.call("chat.postMessage", {.form = {{"channel", channel}, {"text", "hello"}}}, token);
    co_return posted.has_value();
}

struct bot_test {
    bot_test()
    {
        mock.handle("chat.postMessage", [this](const slack::mock::method_request& request) {
            texts.emplace_back(request.arguments.at("text").as_string());
            if (request.arguments.at("channel").as_string() != "C1")
                return slack::mock::method_answer::error("channel_not_found");
            return slack::mock::method_answer::ok({{"channel", "C1"}, {"ts", "1700000000.000100"}});
        });
        mock.start();
    }

    // Runs greet() to its end, within a deadline: a test never hangs.
    bool run_greet(std::string token, std::string channel)
    {
        auto tls = slack::web::make_tls_context();
        tls.add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));  // trust the mock
        slack::web::client client(ioc.get_executor(), std::move(tls), {.api_url = mock.api_url()});
        std::optional<bool> greeted;
        asio::co_spawn(ioc, greet(client, token, channel), [&](std::exception_ptr, bool ok) {
            greeted = ok;
            ioc.stop();
        });
        ioc.restart();
        ioc.run_for(std::chrono::seconds(10));
        BOOST_REQUIRE_MESSAGE(greeted.has_value(), "greet() did not finish within 10 s");
        return *greeted;
    }

    asio::io_context ioc;
    slack::mock::server mock{ioc.get_executor()};
    std::vector<std::string> texts;  // what the bot posted
};

BOOST_FIXTURE_TEST_CASE(the_bot_greets_the_channel, bot_test)
{
    const std::string token = mock.mint_tokens().access_token;  // a bot token the mock knows
    BOOST_TEST(run_greet(token, "C1"));
    BOOST_TEST(texts == std::vector<std::string>{"hello"}, boost::test_tools::per_element());
    const std::vector<slack::mock::recorded_request> sent = mock.requests();  // as it went over the wire
    BOOST_REQUIRE(sent.size() == 1u);
    BOOST_TEST(sent[0].target == "/api/chat.postMessage");
    BOOST_TEST(sent[0].authorization == "Bearer " + token);
}

BOOST_FIXTURE_TEST_CASE(the_bot_hears_slack_refuse, bot_test)
{
    BOOST_TEST(!run_greet(mock.mint_tokens().access_token, "C999"));  // channel_not_found
    BOOST_TEST(!run_greet("xoxb-not-a-token-of-the-mock", "C1"));     // invalid_auth
    BOOST_TEST(texts.size() == 1u);                                   // the unknown token never reached the handler
}
