// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The mock under inputs that once crashed it or grew it without bound: scripted statuses
// that forbid a body, absurd sizes, many requests and codes. Plain HTTP keeps the raw client
// small (the connection code is the same with TLS); every io_context run has a deadline.
#include "integration/mock_fixture.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace mock = slack::mock;
using slack::test::mock_fixture;
using namespace std::chrono_literals;

/// One answer as a raw HTTP client saw it.
struct answer {
    unsigned status = 0;
    bool framed = false;  ///< Content-Length or Transfer-Encoding present.
    std::string body;

    std::string slack_error() const
    {
        const auto json = boost::json::parse(body).as_object();
        return json.contains("error") ? std::string(json.at("error").as_string()) : "";
    }
};

mock::server_options plain_http(mock::server_options options)
{
    options.tls = false;
    return options;
}

struct plain_mock : mock_fixture {
    explicit plain_mock(mock::server_options options = {}) : mock_fixture(plain_http(std::move(options))) {}

    std::string form(std::string_view code) const
    {
        return "client_id=" + server.options().client_id + "&client_secret=" + server.options().client_secret +
               "&code=" + std::string(code);
    }

    // Posts `bodies` to `target` in turn on one keep-alive connection: an answer each, until
    // the connection fails.
    asio::awaitable<std::vector<answer>> post_all(std::string target, std::vector<std::string> bodies)
    {
        constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
        std::vector<answer> answers;
        beast::tcp_stream stream(ioc);
        const asio::ip::tcp::endpoint mock_endpoint(asio::ip::make_address("127.0.0.1"), server.port());
        if (auto [error] = co_await stream.async_connect(mock_endpoint, use_tuple); error)
            co_return answers;
        beast::flat_buffer buffer;
        for (std::string& body : bodies) {
            http::request<http::string_body> request(http::verb::post, target, 11);
            request.set(http::field::host, "127.0.0.1");
            request.set(http::field::content_type, "application/x-www-form-urlencoded");
            request.body() = std::move(body);
            request.prepare_payload();
            if (auto [error, n] = co_await http::async_write(stream, request, use_tuple); error)
                break;
            http::response_parser<http::string_body> parser;
            parser.body_limit(256 * 1024 * 1024);
            if (auto [error, n] = co_await http::async_read(stream, buffer, parser, use_tuple); error)
                break;
            const auto& response = parser.get();
            answers.push_back(
                {response.result_int(), response.has_content_length() || response.chunked(), response.body()});
        }
        co_return answers;
    }

    std::vector<answer> post(std::string target, std::vector<std::string> bodies)
    {
        std::optional<std::vector<answer>> out;
        asio::co_spawn(ioc, post_all(std::move(target), std::move(bodies)),
                       [&](std::exception_ptr, std::vector<answer> a) { out.emplace(std::move(a)); });
        run_until([&] { return out.has_value(); }, 30s);
        return std::move(*out);
    }

    /// oauth.access with each code in turn, on one connection; `padding` bytes more in each body.
    std::vector<answer> exchange(const std::vector<std::string>& codes, std::size_t padding = 0)
    {
        std::vector<std::string> bodies;
        for (const std::string& code : codes)
            bodies.push_back(form(code) + (padding ? "&padding=" + std::string(padding, 'p') : ""));
        return post("/api/oauth.access", std::move(bodies));
    }

    void pause(std::chrono::milliseconds duration)
    {
        asio::steady_timer timer(ioc, duration);
        bool done = false;
        timer.async_wait([&](auto) { done = true; });
        run_until([&] { return done; }, 2s);
    }

    // stop() closes what is still registered: under ASan a stale registration is a use after free.
    void stop_and_drain()
    {
        server.stop();
        ioc.restart();
        ioc.run_for(2s);
        BOOST_TEST(ioc.stopped(), "connections still running 2 s after stop()");
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(mock_robustness, plain_mock)

BOOST_AUTO_TEST_CASE(statuses_that_forbid_a_body_are_sent_without_one)
{
    for (const unsigned status : {100u, 103u, 204u, 304u}) {
        const std::string code = "mock-status-" + std::to_string(status) + "-1-nobody";
        // The scripted answer, then the success: the connection survives and stays in step.
        const std::vector<answer> answers = exchange({code, code});
        BOOST_TEST(answers.size() == 2u, "status " << status << ": " << answers.size() << " answers");
        if (answers.size() != 2u)
            continue;
        BOOST_TEST(answers[0].status == status);
        BOOST_TEST(answers[0].body.empty());
        BOOST_TEST(!answers[0].framed, "status " << status << " announces a body");
        BOOST_TEST(answers[1].status == 200u);
        BOOST_TEST(answers[1].slack_error() == "");
    }
    stop_and_drain();
}

BOOST_AUTO_TEST_CASE(a_status_http_cannot_carry_falls_back_to_503)
{
    const std::vector<answer> answers = exchange({"mock-status-1000-1-big", "mock-status-99-1-small"});
    BOOST_REQUIRE(answers.size() == 2u);
    BOOST_TEST(answers[0].status == 503u);
    BOOST_TEST(answers[1].status == 503u);
    stop_and_drain();
}

BOOST_AUTO_TEST_CASE(oversized_padding_is_clamped)
{
    // 4 GB asked for: the mock sends its documented maximum instead of exhausting memory.
    const std::vector<answer> answers = exchange({"mock-oversized-4000000000-huge", "mock-oversized-1000-small"});
    BOOST_REQUIRE(answers.size() == 2u);
    BOOST_TEST(answers[0].status == 200u);
    BOOST_TEST(answers[0].body.size() >= 16u * 1024 * 1024);
    BOOST_TEST(answers[0].body.size() <= 16u * 1024 * 1024 + 4096);
    BOOST_TEST(answers[1].body.size() >= 1000u);
    BOOST_TEST(answers[1].body.size() <= 1000u + 4096);
    stop_and_drain();
}

BOOST_AUTO_TEST_CASE(exchanges_are_counted_even_when_requests_are_not_recorded)
{
    // What the benchmark's mock does: no request log, yet exchanges() must still answer.
    plain_mock fx({.max_recorded_requests = 0});
    BOOST_REQUIRE(fx.exchange({"mock-error-x-uncounted", "mock-error-x-uncounted"}).size() == 2u);
    BOOST_TEST(fx.server.requests().empty());
    BOOST_TEST(fx.server.exchanges("mock-error-x-uncounted") == 2u);
}

// Codes named "mock-error-x-<i>-tag": distinct, answered without changing the mock's state.
std::vector<std::string> distinct_codes(std::size_t count, const std::string& tag)
{
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < count; ++i)
        codes.push_back("mock-error-x-" + std::to_string(i) + "-" + tag);
    return codes;
}

BOOST_AUTO_TEST_CASE(the_request_log_keeps_the_latest_requests_within_max_recorded_bytes)
{
    constexpr std::size_t bound = 64 * 1024;
    plain_mock fx({.max_recorded_bytes = bound});
    const std::vector<std::string> codes = distinct_codes(200, "log");
    BOOST_REQUIRE(fx.exchange(codes, 2000).size() == codes.size());  // ~400 KB of requests

    const mock::memory_use used = fx.server.memory();
    BOOST_TEST(used.recorded_bytes <= bound);
    BOOST_TEST(used.recorded_bytes > bound / 2);
    const std::vector<mock::recorded_request> kept = fx.server.requests();
    BOOST_TEST(kept.size() == used.recorded_requests);
    BOOST_TEST(kept.size() < codes.size());
    BOOST_TEST(kept.back().code == codes.back());          // the oldest are dropped first
    BOOST_TEST(fx.server.exchanges(codes.front()) == 1u);  // still counted, its request dropped
}

BOOST_AUTO_TEST_CASE(exchange_counts_forget_the_least_recent_codes_beyond_max_recorded_bytes)
{
    constexpr std::size_t bound = 64 * 1024;
    plain_mock fx({.max_recorded_bytes = bound});
    const std::vector<std::string> codes = distinct_codes(300, std::string(1000, 'c'));  // ~300 KB of codes
    const std::string busy = "mock-error-x-busy";
    for (std::size_t start = 0; start < codes.size(); start += 50) {
        std::vector<std::string> batch(codes.begin() + start, codes.begin() + start + 50);
        batch.push_back(busy);  // seen throughout: never the least recent
        BOOST_REQUIRE(fx.exchange(batch).size() == batch.size());
    }
    BOOST_TEST(fx.server.memory().counted_code_bytes <= bound);
    BOOST_TEST(fx.server.exchanges(codes.back()) == 1u);
    BOOST_TEST(fx.server.exchanges(busy) == 6u);
    BOOST_TEST(fx.server.exchanges(codes.front()) == 0u);  // forgotten
}

BOOST_AUTO_TEST_CASE(expired_codes_are_forgotten)
{
    plain_mock fx({.code_lifetime = 0s});
    for (int i = 0; i < 1000; ++i)
        fx.server.mint_code("https://example.com/" + std::string(100, 'r'));
    BOOST_REQUIRE(fx.exchange(distinct_codes(100, "expiring")).size() == 100u);
    fx.pause(5ms);
    BOOST_REQUIRE(fx.exchange({"mock-error-x-fresh"}).size() == 1u);
    BOOST_TEST(fx.server.memory().live_codes == 1u);  // the one just seen
}

BOOST_AUTO_TEST_CASE(live_codes_stay_within_max_code_bytes)
{
    constexpr std::size_t bound = 32 * 1024;
    plain_mock fx({.max_code_bytes = bound});
    const std::string oldest = fx.server.mint_code();
    for (int i = 0; i < 2000; ++i)
        fx.server.mint_code("https://example.com/" + std::string(200, 'r'));
    BOOST_REQUIRE(fx.exchange(distinct_codes(200, std::string(1000, 'm'))).size() == 200u);  // magic ones too
    const std::string newest = fx.server.mint_code();

    const mock::memory_use used = fx.server.memory();
    BOOST_TEST(used.code_bytes <= bound);
    BOOST_TEST(used.live_codes > 10u);
    const std::vector<answer> answers = fx.exchange({newest, oldest});
    BOOST_REQUIRE(answers.size() == 2u);
    BOOST_TEST(answers[0].slack_error() == "");
    BOOST_TEST(answers[1].slack_error() == "invalid_code");  // the oldest is forgotten first
}

BOOST_AUTO_TEST_SUITE_END()
