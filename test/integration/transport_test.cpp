// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Transport paths the mock cannot reach: terminal cancellation during a connect that never
// completes (a listener whose accept queue is full) and during a write that blocks (a peer that
// never reads a request far larger than the socket buffers); a reused connection that fails
// before a byte is written, replaced transparently.
#include "integration/mock_fixture.hpp"
#include "integration/raw_peer.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <functional>
#include <list>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using slack::client_errc;
using slack::test::access_result;
using slack::test::describe;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// Starts a call with `code` and cancels it after `after`; returns its result.
access_result cancelled_call(asio::io_context& ioc, web::client& client, std::string_view code,
                             std::chrono::milliseconds after, slack::diagnostics& diag)
{
    asio::cancellation_signal signal;
    std::optional<access_result> out;
    web::oauth(client).access(
        {.client_id = "1.2", .client_secret = "s", .code = code}, diag,
        asio::bind_cancellation_slot(signal.slot(), [&](access_result r) { out.emplace(std::move(r)); }));
    asio::steady_timer timer(ioc, after);
    timer.async_wait([&](boost::system::error_code ec) {
        if (!ec)
            signal.emit(asio::cancellation_type::terminal);
    });
    slack::test::run_until(
        ioc, [&] { return out.has_value(); }, 5s);
    return std::move(*out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transport)

BOOST_AUTO_TEST_CASE(cancellation_during_connect)
{
    asio::io_context ioc;
    // A listener that never accepts, its queue filled: Linux drops further SYNs, so a connect waits.
    tcp::acceptor listener(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0), false);
    listener.listen(0);
    std::list<tcp::socket> fillers;
    for (int i = 0; i < 4; ++i)
        fillers.emplace_back(ioc).async_connect(listener.local_endpoint(), [](boost::system::error_code) {});
    ioc.run_for(100ms);

    web::client_options options;
    options.api_url = "https://127.0.0.1:" + std::to_string(listener.local_endpoint().port()) + "/api/";
    options.retry = slack::retry_policy::none();
    web::client client(ioc.get_executor(), web::make_tls_context(), options);
    slack::diagnostics diag;
    const auto started = std::chrono::steady_clock::now();
    const access_result r = cancelled_call(ioc, client, "C-connect", 200ms, diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == asio::error::operation_aborted), describe(r));  // nothing was sent
    BOOST_TEST((std::chrono::steady_clock::now() - started < 2s));
    BOOST_TEST(client.stats().connections_opened == 0u);
}

BOOST_AUTO_TEST_CASE(cancellation_during_write)
{
    asio::io_context ioc;
    slack::test::raw_peer peer(ioc, [](slack::test::peer_connection& c) -> asio::awaitable<void> {
        if (co_await c.handshake())
            co_await c.pause(5s);  // never reads: the client's write fills the buffers and waits
    });
    web::client_options options;
    options.api_url = peer.api_url();
    options.retry = slack::retry_policy::none();
    auto tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(peer.ca_pem()));
    web::client client(ioc.get_executor(), tls, options);
    const std::string huge_code(24 * 1024 * 1024, 'c');  // far beyond loopback's socket buffers
    slack::diagnostics diag;
    const access_result r = cancelled_call(ioc, client, huge_code, 500ms, diag);
    BOOST_REQUIRE(r.has_error());
    // Part of the request left: the caller is told the outcome is unknown, and that it cancelled.
    BOOST_TEST((r.error() == client_errc::outcome_unknown), describe(r));
    BOOST_TEST((diag.underlying == asio::error::operation_aborted), diag.underlying.to_string());
    peer.stop();
    ioc.run_for(100ms);
}

// The peer answers and, once the client has read the answer, resets the connection (SO_LINGER 0)
// and starts the next call at once: it takes the pooled connection (idle for less than the
// stale check's 5 ms), its write fails before a byte leaves, and the pool retries once on a
// fresh connection: one attempt, no error.
BOOST_AUTO_TEST_CASE(a_reused_connection_failing_before_writing_is_replaced_transparently)
{
    asio::io_context ioc;
    slack::diagnostics first_diag, second_diag;
    std::optional<access_result> first, second;
    std::function<void()> start_second;
    slack::test::raw_peer peer(ioc, [&](slack::test::peer_connection& c) -> asio::awaitable<void> {
        if (!co_await c.handshake() || (co_await c.read_request()).empty())
            co_return;
        co_await c.write(slack::test::http_response(
            200, R"({"ok":true,"access_token":"xoxp-)" + std::to_string(c.index()) + R"(","team_id":"T1"})"));
        if (c.index() != 1)
            co_return;
        while (!first)  // a reset before the client read the answer would discard it
            co_await c.pause(1ms);
        c.socket().set_option(asio::socket_base::linger(true, 0));
        c.close();
        start_second();
    });
    web::client_options options;
    options.api_url = peer.api_url();
    options.retry = slack::retry_policy::none();  // a failure would show: nothing hides it
    auto tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(peer.ca_pem()));
    web::client client(ioc.get_executor(), tls, options);
    start_second = [&] {
        web::oauth(client).access({.client_id = "1.2", .client_secret = "s", .code = "C-2"}, second_diag,
                                  [&](access_result r) { second.emplace(std::move(r)); });
    };
    web::oauth(client).access({.client_id = "1.2", .client_secret = "s", .code = "C-1"}, first_diag,
                              [&](access_result r) { first.emplace(std::move(r)); });
    slack::test::run_until(
        ioc, [&] { return first && second; }, 5s);
    BOOST_REQUIRE_MESSAGE(first->has_value(), describe(*first));
    BOOST_REQUIRE_MESSAGE(second->has_value(), describe(*second));
    BOOST_TEST((*second)->access_token() == "xoxp-2");  // from the second connection
    BOOST_TEST(second_diag.attempts == 1u);
    const web::pool_stats stats = client.stats();
    BOOST_TEST(stats.connections_opened == 2u);
    BOOST_TEST(stats.connections_reused == 1u);  // the reused connection was tried first
    BOOST_TEST(stats.stale_discarded == 0u);
    BOOST_TEST(peer.requests() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
