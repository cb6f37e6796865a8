// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The client's connection pool against the mock: reuse, the connection bound and its FIFO
// queue (with deadlines and cancellation), idle expiry, stale connections, close_idle(),
// TLS session resumption, destroying a client (and its TLS context) mid-call, name lookups.
#include "integration/mock_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using slack::api_errc;
using slack::client_errc;
using slack::test::access_result;
using slack::test::describe;
using slack::test::mock_fixture;
using namespace std::chrono_literals;

std::string describe(const web::pool_stats& s)
{
    return "opened " + std::to_string(s.connections_opened) + ", reused " + std::to_string(s.connections_reused) +
           ", resumed " + std::to_string(s.sessions_resumed) + ", stale " + std::to_string(s.stale_discarded) +
           ", expired " + std::to_string(s.idle_expired) + ", open " + std::to_string(s.open) + ", idle " +
           std::to_string(s.idle) + ", queued " + std::to_string(s.queued);
}

// Lets the io_context run for `d` (the pool and the mock keep working meanwhile).
void pause(mock_fixture& fx, std::chrono::milliseconds d)
{
    asio::steady_timer timer(fx.ioc, d);
    bool done = false;
    timer.async_wait([&](boost::system::error_code) { done = true; });
    fx.run_until([&] { return done; }, d + 2s);
}

struct call {
    call() = default;
    explicit call(std::string c) : code(std::move(c)) {}
    std::string code;
    slack::diagnostics diag;
    std::optional<access_result> result;
};

void start(mock_fixture& fx, web::client& client, call& c)
{
    web::oauth(client).access(fx.params(c.code), c.diag, [&c](access_result r) { c.result.emplace(std::move(r)); });
}

// The mock's idle keep-alive timeout, short: it closes connections the client still pools.
struct short_mock_idle_fixture : mock_fixture {
    static slack::mock::server_options mock_options()
    {
        slack::mock::server_options o;
        o.idle_timeout = 100ms;
        return o;
    }
    short_mock_idle_fixture() : mock_fixture(mock_options()) {}
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(pool, mock_fixture)

BOOST_AUTO_TEST_CASE(sequential_calls_reuse_one_connection)
{
    web::client client(ioc.get_executor(), tls, options);
    for (int i = 0; i < 5; ++i) {
        slack::diagnostics diag;
        access_result r = access(client, params(server.mint_code()), diag);
        BOOST_REQUIRE_MESSAGE(r.has_value(), "call " << i << ": " << describe(r));
    }
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(server.connections_accepted() == 1u);
    BOOST_TEST(s.connections_opened == 1u);
    BOOST_TEST(s.connections_reused == 4u);
    BOOST_TEST(s.open == 1u);
    BOOST_TEST(s.idle == 1u);
    BOOST_TEST(s.queued == 0u);
    for (const auto& r : server.requests())
        BOOST_TEST(r.connection == 1u);
}

BOOST_AUTO_TEST_CASE(zero_idle_timeout_opens_a_connection_per_call)
{
    options.idle_timeout = 0ms;
    options.max_connections = 1;
    web::client client(ioc.get_executor(), tls, options);
    std::vector<call> calls(3);
    for (std::size_t i = 0; i < calls.size(); ++i) {  // queued ones too get a fresh connection
        calls[i].code = server.mint_code();
        start(*this, client, calls[i]);
    }
    run_until(
        [&] { return std::all_of(calls.begin(), calls.end(), [](const call& c) { return c.result.has_value(); }); },
        5s);
    for (const call& c : calls)
        BOOST_TEST(c.result->has_value(), describe(*c.result));
    slack::diagnostics diag;
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(server.connections_accepted() == 4u);
    BOOST_TEST(s.connections_opened == 4u);
    BOOST_TEST(s.connections_reused == 0u);
    BOOST_TEST(s.open == 0u);
    BOOST_TEST(s.idle == 0u);
}

BOOST_AUTO_TEST_CASE(max_connections_bounds_and_queues)
{
    options.max_connections = 2;
    web::client client(ioc.get_executor(), tls, options);
    std::vector<call> calls(6);
    for (std::size_t i = 0; i < calls.size(); ++i) {
        calls[i].code = "mock-delay-200-" + std::to_string(i);
        start(*this, client, calls[i]);
    }
    // Nothing has run yet: the calls are posted to the client's strand. Watch the queue while they run.
    std::size_t max_queued = client.stats().queued;
    std::size_t max_open = client.stats().open;
    BOOST_TEST_MESSAGE("queued before the io_context ran: " << max_queued);
    run_until(
        [&] {
            const web::pool_stats s = client.stats();
            max_queued = std::max(max_queued, s.queued);
            max_open = std::max(max_open, s.open);
            return std::all_of(calls.begin(), calls.end(), [](const call& c) { return c.result.has_value(); });
        },
        5s);
    for (const call& c : calls)
        BOOST_TEST(c.result->has_value(), c.code << ": " << describe(*c.result));
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(server.connections_accepted() <= 2u);
    BOOST_TEST(s.connections_opened <= 2u);
    BOOST_TEST(max_open <= 2u);
    BOOST_TEST(max_queued > 0u);
    BOOST_TEST(max_queued == 4u);
    BOOST_TEST(s.queued == 0u);
    BOOST_TEST(s.connections_opened + s.connections_reused == 6u);
}

BOOST_AUTO_TEST_CASE(queued_calls_are_served_in_order)
{
    options.max_connections = 1;
    web::client client(ioc.get_executor(), tls, options);
    std::vector<call> calls(4);
    for (auto& c : calls)
        c.code = server.mint_code();
    for (auto& c : calls)
        start(*this, client, c);
    std::size_t max_queued = 0;
    run_until(
        [&] {
            max_queued = std::max(max_queued, client.stats().queued);
            return std::all_of(calls.begin(), calls.end(), [](const call& c) { return c.result.has_value(); });
        },
        5s);
    for (const call& c : calls)
        BOOST_TEST(c.result->has_value(), describe(*c.result));
    BOOST_TEST(max_queued == 3u);
    std::vector<std::string> order;
    for (const auto& r : server.requests())
        if (std::any_of(calls.begin(), calls.end(), [&](const call& c) { return c.code == r.code; }))
            order.push_back(r.code);
    std::vector<std::string> expected;
    for (const call& c : calls)
        expected.push_back(c.code);
    BOOST_TEST(order == expected, boost::test_tools::per_element());
    BOOST_TEST(server.connections_accepted() == 1u);
}

BOOST_AUTO_TEST_CASE(queued_call_honours_its_deadline)
{
    options.max_connections = 1;
    options.timeout = 600ms;
    web::client client(ioc.get_executor(), tls, options);
    call first{"mock-delay-1500-q1"};
    call second{server.mint_code()};
    start(*this, client, first);
    start(*this, client, second);
    run_until([&] { return first.result && second.result; }, 2s);

    BOOST_TEST_INFO_SCOPE("first: " << describe(*first.result) << " (underlying " << first.diag.underlying.to_string()
                                    << "); second: " << describe(*second.result));
    BOOST_REQUIRE(!first.result->has_value());
    BOOST_TEST((first.result->error() == client_errc::outcome_unknown));  // its request was written
    BOOST_REQUIRE(!second.result->has_value());
    BOOST_TEST((second.result->error() == client_errc::timeout));
    BOOST_TEST(server.exchanges(second.code) == 0u);
    BOOST_TEST(client.stats().queued == 0u);
}

BOOST_AUTO_TEST_CASE(queued_call_honours_cancellation)
{
    options.max_connections = 1;
    web::client client(ioc.get_executor(), tls, options);
    call first{"mock-delay-1000-q2"};
    call second{server.mint_code()};
    start(*this, client, first);
    asio::cancellation_signal signal;
    web::oauth(client).access(
        params(second.code), second.diag,
        asio::bind_cancellation_slot(signal.slot(), [&](access_result r) { second.result.emplace(std::move(r)); }));
    std::size_t queued_when_cancelled = 0;
    asio::steady_timer timer(ioc, 100ms);
    timer.async_wait([&](boost::system::error_code ec) {
        if (ec)
            return;
        queued_when_cancelled = client.stats().queued;
        signal.emit(asio::cancellation_type::terminal);
    });
    run_until([&] { return second.result.has_value(); }, 2s);
    BOOST_TEST_INFO_SCOPE("second: " << describe(*second.result));
    BOOST_TEST(queued_when_cancelled == 1u);  // it really was waiting for the connection
    BOOST_REQUIRE(!second.result->has_value());
    BOOST_TEST((second.result->error() == asio::error::operation_aborted));
    BOOST_TEST(client.stats().queued == 0u);  // it left the queue
    BOOST_TEST(server.exchanges(second.code) == 0u);
    BOOST_TEST(!first.result.has_value());  // still running: the cancellation did not wait for it

    run_until([&] { return first.result.has_value(); }, 2s);
    BOOST_TEST(first.result->has_value(), describe(*first.result));
    BOOST_TEST(server.exchanges(second.code) == 0u);
    BOOST_TEST(client.stats().queued == 0u);
    BOOST_TEST(client.stats().idle == 1u);
}

BOOST_AUTO_TEST_CASE(idle_connection_expires)
{
    options.idle_timeout = 50ms;
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    access_result r1 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r1.has_value(), describe(r1));
    pause(*this, 150ms);
    access_result r2 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r2.has_value(), describe(r2));
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(s.idle_expired == 1u);
    BOOST_TEST(s.connections_opened == 2u);
    BOOST_TEST(s.connections_reused == 0u);
    BOOST_TEST(s.stale_discarded == 0u);
    BOOST_TEST(s.open == 1u);
    BOOST_TEST(server.connections_accepted() == 2u);
}

BOOST_FIXTURE_TEST_CASE(stale_connection_is_replaced_without_a_duplicate_exchange, short_mock_idle_fixture)
{
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    access_result r1 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r1.has_value(), describe(r1));
    pause(*this, 400ms);  // the mock closes the idle connection after 100 ms
    const std::string code = server.mint_code();
    access_result r2 = access(client, params(code), diag);
    BOOST_REQUIRE_MESSAGE(r2.has_value(), describe(r2));
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(s.stale_discarded == 1u);
    BOOST_TEST(s.connections_opened == 2u);
    BOOST_TEST(s.idle_expired == 0u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_TEST(server.connections_accepted() == 2u);
}

BOOST_AUTO_TEST_CASE(close_idle_closes_and_next_call_reconnects)
{
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    access_result r1 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r1.has_value(), describe(r1));
    BOOST_TEST(client.stats().open == 1u);
    BOOST_TEST(client.stats().idle == 1u);
    client.close_idle();
    {
        const web::pool_stats s = client.stats();
        BOOST_TEST_INFO_SCOPE(describe(s));
        BOOST_TEST(s.open == 0u);
        BOOST_TEST(s.idle == 0u);
    }
    access_result r2 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r2.has_value(), describe(r2));
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(s.connections_opened == 2u);
    BOOST_TEST(s.connections_reused == 0u);
    BOOST_TEST(s.stale_discarded == 0u);
    BOOST_TEST(s.open == 1u);
    BOOST_TEST(server.connections_accepted() == 2u);
}

BOOST_AUTO_TEST_CASE(tls_session_is_resumed)
{
    options.max_connections = 64;
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    access_result r1 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r1.has_value(), describe(r1));
    BOOST_TEST(client.stats().sessions_resumed == 0u);
    client.close_idle();
    access_result r2 = access(client, params(server.mint_code()), diag);
    BOOST_REQUIRE_MESSAGE(r2.has_value(), describe(r2));
    const web::pool_stats s = client.stats();
    BOOST_TEST_INFO_SCOPE(describe(s));
    BOOST_TEST(s.connections_opened == 2u);
    BOOST_TEST(s.sessions_resumed == 1u);
    BOOST_TEST(server.connections_accepted() == 2u);
}

BOOST_AUTO_TEST_CASE(destroying_the_client_mid_call_is_safe)
{
    std::optional<access_result> out;
    slack::diagnostics diag;
    const std::string code = "mock-delay-300-d1";
    {
        web::client client(ioc.get_executor(), tls, options);
        web::oauth(client).access(params(code), diag, [&](access_result r) { out.emplace(std::move(r)); });
        // Until the request is at the mock: the call is in flight.
        run_until([&] { return server.exchanges(code) == 1u; }, 2s);
        BOOST_TEST(!out.has_value());
    }
    run_until([&] { return out.has_value(); }, 2s);
    BOOST_TEST(out->has_value(), describe(*out));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
}

// Y runs, X waits for the one connection; Y's completion handler cancels X after Y's release
// has already granted X the connection. X must still end aborted, its code never sent.
BOOST_AUTO_TEST_CASE(a_cancellation_that_arrives_with_the_grant_is_honoured)
{
    options.max_connections = 1;
    web::client client(ioc.get_executor(), tls, options);
    call y{"mock-delay-200-grant"};
    call x{server.mint_code()};
    asio::cancellation_signal cancel_x;
    web::oauth(client).access(params(y.code), y.diag, [&](access_result r) {
        y.result.emplace(std::move(r));
        cancel_x.emit(asio::cancellation_type::terminal);  // the grant is already on its way to X
    });
    web::oauth(client).access(
        params(x.code), x.diag,
        asio::bind_cancellation_slot(cancel_x.slot(), [&](access_result r) { x.result.emplace(std::move(r)); }));
    run_until([&] { return y.result && x.result; }, 5s);
    BOOST_TEST(y.result->has_value(), describe(*y.result));
    BOOST_REQUIRE(x.result->has_error());
    BOOST_TEST((x.result->error() == asio::error::operation_aborted),
               describe(*x.result) << " attempts " << x.diag.attempts << " underlying " << x.diag.underlying.to_string()
                                   << " " << x.diag.client_message);
    BOOST_TEST(server.exchanges(x.code) == 0u);
    BOOST_TEST(client.stats().open <= 1u);
}

// The client owns or shares its TLS context: destroying the caller's copy and the client while
// calls run, wait in the queue, or are about to open connections, frees nothing they use
// (ASan would see it). idle_timeout 0: every queued call opens a new connection afterwards.
BOOST_AUTO_TEST_CASE(client_and_context_may_be_destroyed_while_calls_are_in_flight)
{
    options.max_connections = 1;
    options.idle_timeout = 0ms;
    auto context = std::make_shared<asio::ssl::context>(web::make_tls_context());
    context->add_certificate_authority(asio::buffer(server.ca_certificate_pem()));
    auto client = std::make_unique<web::client>(ioc.get_executor(), context, options);
    std::vector<call> calls;
    calls.emplace_back("mock-delay-200-ctx");
    for (int i = 0; i < 3; ++i)
        calls.emplace_back(server.mint_code());
    for (call& c : calls)
        start(*this, *client, c);
    client.reset();
    context.reset();
    run_until(
        [&] { return std::all_of(calls.begin(), calls.end(), [](const call& c) { return c.result.has_value(); }); },
        10s);
    for (const call& c : calls)
        BOOST_TEST(c.result->has_value(), describe(*c.result));
    BOOST_TEST(server.connections_accepted() == 4u);
}

// A host name goes through a lookup; its addresses are reused until they are older than
// lookup_max_age or a handshake failed (the name may now point at another host).
BOOST_AUTO_TEST_CASE(name_lookups_are_reused_then_redone)
{
    options.api_url = "https://localhost:" + std::to_string(server.port()) + "/api/";
    options.idle_timeout = 0ms;  // a new connection per call
    options.lookup_max_age = 300ms;
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
    BOOST_TEST(client.stats().lookups == 1u);
    pause(*this, 400ms);
    BOOST_TEST(access(client, params(server.mint_code()), diag).has_value());
    BOOST_TEST(client.stats().lookups == 2u);
}

// Connections opening at once need one lookup, not one each: Asio runs lookups one after
// another on one thread, where each opening's own would queue.
BOOST_AUTO_TEST_CASE(connections_opening_at_once_share_one_lookup)
{
    options.api_url = "https://localhost:" + std::to_string(server.port()) + "/api/";
    web::client client(ioc.get_executor(), tls, options);
    std::vector<call> calls;
    for (int i = 0; i < 6; ++i)
        calls.emplace_back(server.mint_code());
    for (call& c : calls)
        start(*this, client, c);
    run_until(
        [&] { return std::all_of(calls.begin(), calls.end(), [](const call& c) { return c.result.has_value(); }); });
    for (const call& c : calls)
        BOOST_TEST(c.result->has_value(), describe(*c.result));
    BOOST_TEST(client.stats().connections_opened == 6u, describe(client.stats()));
    BOOST_TEST(client.stats().lookups == 1u);
}

BOOST_AUTO_TEST_CASE(a_failed_handshake_drops_the_looked_up_addresses)
{
    slack::mock::server_options only_ip;
    only_ip.certificate_hosts = {"127.0.0.1"};  // "localhost" fails host-name verification
    mock_fixture fx(only_ip);
    fx.options.api_url = "https://localhost:" + std::to_string(fx.server.port()) + "/api/";
    fx.options.retry = slack::retry_policy::none();
    web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
    slack::diagnostics diag;
    BOOST_TEST(fx.access(client, fx.params(fx.server.mint_code()), diag).has_error());
    BOOST_TEST(fx.access(client, fx.params(fx.server.mint_code()), diag).has_error());
    BOOST_TEST(client.stats().lookups == 2u);
    BOOST_TEST(fx.server.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
