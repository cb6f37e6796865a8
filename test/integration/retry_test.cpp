// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The retry loop end to end against the mock: rate limits, backoff, unknown outcomes,
// the rate-limit gate shared by concurrent calls, the retry budget, deadlines and cancellation.
#include "integration/mock_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
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
using kind = web::call_event::kind;

// An owned copy of a call_event, plus what the call's diagnostics said at that moment.
struct recorded_event {
    kind what{};
    std::string method;
    unsigned attempt = 0;
    boost::system::error_code error;
    unsigned http_status = 0;
    std::chrono::milliseconds delay{0};
    std::string reason;
    std::optional<std::chrono::seconds> retry_after;  // diag.retry_after when the event fired
};

struct event_log {
    std::vector<recorded_event> events;
    const slack::diagnostics* diag = nullptr;  // optional: snapshot its retry_after

    void record(const web::call_event& e)
    {
        recorded_event r;
        r.what = e.what;
        r.method = std::string(e.method);
        r.attempt = e.attempt;
        r.error = e.error;
        r.http_status = e.http_status;
        r.delay = e.delay;
        r.reason = std::string(e.reason);
        if (diag)
            r.retry_after = diag->retry_after;
        events.push_back(std::move(r));
    }

    std::vector<recorded_event> of(kind k) const
    {
        std::vector<recorded_event> out;
        std::copy_if(events.begin(), events.end(), std::back_inserter(out),
                     [k](const recorded_event& e) { return e.what == k; });
        return out;
    }

    std::string dump() const
    {
        std::string out;
        for (const recorded_event& e : events) {
            out += std::string(web::to_string(e.what)) + "(attempt " + std::to_string(e.attempt) + ", delay " +
                   std::to_string(e.delay.count()) + "ms, status " + std::to_string(e.http_status) + ", error " +
                   e.error.to_string() + ", reason '" + e.reason + "') ";
        }
        return out;
    }
};

std::size_t requests_with_code(const slack::mock::server& server, const std::string& code)
{
    std::size_t n = 0;
    for (const auto& r : server.requests())
        n += r.code == code;
    return n;
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(retry, mock_fixture)

BOOST_AUTO_TEST_CASE(rate_limited_with_retry_after_then_success)
{
    slack::diagnostics diag;
    event_log log;
    log.diag = &diag;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    const std::string code = "mock-ratelimit-1-1-t1";
    access_result r = access(params(code), diag);
    BOOST_TEST_INFO_SCOPE("events: " << log.dump());
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    BOOST_TEST(diag.attempts == 2u);
    BOOST_TEST(server.exchanges(code) == 2u);
    const auto scheduled = log.of(kind::retry_scheduled);
    BOOST_REQUIRE(scheduled.size() == 1u);
    BOOST_TEST(scheduled[0].delay.count() >= 1000);
    BOOST_TEST(scheduled[0].delay.count() == 1125);  // 1 s + 0.5 * 250 ms jitter
    BOOST_TEST(scheduled[0].http_status == 429u);
    BOOST_TEST((scheduled[0].error == api_errc::ratelimited));
    // While the call waited, diag described the 429 (afterwards it describes the last response).
    BOOST_TEST((scheduled[0].retry_after == std::optional<std::chrono::seconds>(1s)));
}

BOOST_AUTO_TEST_CASE(rate_limited_without_retry_after_uses_fallback)
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.fallback_retry_after = 200ms;
    options.retry = policy;
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    access_result r = access(params("mock-ratelimitbare-1-t2"), diag);
    BOOST_TEST_INFO_SCOPE("events: " << log.dump());
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    const auto scheduled = log.of(kind::retry_scheduled);
    BOOST_REQUIRE(!scheduled.empty());
    BOOST_TEST(scheduled[0].delay.count() == 200 + 125);  // fallback + 0.5 * 250 ms jitter
    BOOST_TEST(scheduled[0].http_status == 429u);
    // The mock keeps the method limited for 1 s, so a second 429 (with Retry-After: 1) may follow.
    BOOST_TEST(diag.attempts >= 2u);
    BOOST_TEST(diag.attempts <= 3u);
}

BOOST_AUTO_TEST_CASE(rate_limited_with_http_date)
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.fallback_retry_after = 200ms;  // so that an unparsed date would show as 325 ms
    options.retry = policy;
    slack::diagnostics diag;
    event_log log;
    log.diag = &diag;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    access_result r = access(params("mock-ratelimitdate-1-1-t3"), diag);
    BOOST_TEST_INFO_SCOPE("events: " << log.dump());
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
    const auto scheduled = log.of(kind::retry_scheduled);
    BOOST_REQUIRE(!scheduled.empty());
    // HTTP-dates have 1 s resolution: Retry-After is 0..2 s.
    BOOST_REQUIRE(scheduled[0].retry_after.has_value());
    BOOST_TEST(scheduled[0].retry_after->count() >= 0);
    BOOST_TEST(scheduled[0].retry_after->count() <= 2);
    BOOST_TEST(scheduled[0].delay.count() != 325);  // not the fallback: the date was understood
    BOOST_TEST(scheduled[0].delay.count() == scheduled[0].retry_after->count() * 1000 + 125);
    // Normally 2 attempts. When the date's second had already begun on arrival, Retry-After is 0
    // and the retry meets the mock's 1 s method window once more (a plain Retry-After: 1).
    const unsigned expected_attempts = scheduled[0].retry_after->count() == 0 ? 3u : 2u;
    BOOST_TEST(diag.attempts == expected_attempts);
    BOOST_TEST(scheduled.size() == expected_attempts - 1);
}

BOOST_AUTO_TEST_CASE(retry_after_above_the_cap_fails_at_once)
{
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    const std::string code = "mock-ratelimit-1-120-t4";
    access_result r = access(params(code), diag);
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == api_errc::ratelimited));
    BOOST_TEST((r.error() == slack::condition::rate_limited));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_REQUIRE(diag.retry_after.has_value());
    BOOST_TEST(diag.retry_after->count() == 120);
    BOOST_TEST(diag.http_status == 429u);
    BOOST_TEST(log.of(kind::retry_scheduled).empty());
}

BOOST_AUTO_TEST_CASE(retry_after_beyond_the_deadline_fails_at_once)
{
    options.timeout = 2s;
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    const std::string code = "mock-ratelimit-1-5-t5";
    web::client client(ioc.get_executor(), tls, options);
    access_result r = access(client, params(code), diag, 1500ms);  // must not wait for the deadline
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == api_errc::ratelimited));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_TEST(log.of(kind::retry_scheduled).empty());
    BOOST_TEST(log.of(kind::failed).size() == 1u);
}

// Transient failures Slack reports without running the call: one backoff, then success.
BOOST_AUTO_TEST_CASE(transient_failure_then_success)
{
    struct transient_case {
        std::string code;
        boost::system::error_code error;
        unsigned http_status;
    };
    const transient_case cases[] = {
        {"mock-status-503-1-t6", client_errc::http_status, 503},        // an HTML 503 from a proxy
        {"mock-unavailable-1-t7", api_errc::service_unavailable, 200},  // ok:false, HTTP 200
    };
    for (const transient_case& c : cases) {
        BOOST_TEST_CONTEXT("code " << c.code)
        {
            slack::diagnostics diag;
            event_log log;
            options.on_event = [&](const web::call_event& e) { log.record(e); };
            access_result r = access(params(c.code), diag);
            BOOST_TEST_INFO_SCOPE("events: " << log.dump());
            BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r));
            BOOST_TEST(diag.attempts == 2u);
            BOOST_TEST(server.exchanges(c.code) == 2u);
            const auto failed = log.of(kind::attempt_failed);
            BOOST_REQUIRE(failed.size() == 1u);
            BOOST_TEST(failed[0].http_status == c.http_status);
            BOOST_TEST((failed[0].error == c.error));
            const auto scheduled = log.of(kind::retry_scheduled);
            BOOST_REQUIRE(scheduled.size() == 1u);
            BOOST_TEST(scheduled[0].delay.count() == 125);  // 0.5 * base_delay 250 ms
            BOOST_TEST(log.of(kind::succeeded).size() == 1u);
        }
    }
}

BOOST_AUTO_TEST_CASE(connection_closed_after_processing_is_outcome_unknown)
{
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    const std::string code = "mock-close-t8";
    access_result r = access(params(code), diag);
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; underlying " << diag.underlying.to_string()
                                     << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST((r.error() == slack::condition::outcome_unknown));
    BOOST_TEST(slack::test::is_peer_close(diag.underlying));  // the transport's own code, kept
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_TEST(log.of(kind::retry_scheduled).empty());
}

BOOST_AUTO_TEST_CASE(a_policy_that_retries_unknown_outcomes_still_never_resends_a_code)
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.retry_unknown_outcome = true;  // asks to retry; the single-use rule is the client's
    options.retry = policy;
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    const std::string code = "mock-close-t9";
    access_result r = access(params(code), diag);
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; underlying " << diag.underlying.to_string()
                                     << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_REQUIRE(log.of(kind::failed).size() == 1u);
    BOOST_TEST(log.of(kind::failed)[0].reason.find("single-use") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(http_500_is_outcome_unknown_and_not_retried)
{
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    const std::string code = "mock-status-500-1-t10";
    access_result r = access(params(code), diag);
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; underlying " << diag.underlying.to_string()
                                     << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::http_status));
    BOOST_TEST(diag.http_status == 500u);
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_TEST(log.of(kind::retry_scheduled).empty());
}

BOOST_AUTO_TEST_CASE(concurrent_call_waits_for_the_rate_limit_instead_of_collecting_a_429)
{
    const std::string code_a = "mock-ratelimit-1-1-a";
    const std::string code_b = server.mint_code();
    slack::diagnostics diag_a, diag_b;
    std::optional<access_result> result_a, result_b;
    event_log log;
    web::client* self = nullptr;
    bool b_started = false;
    std::size_t b_started_at = 0;  // index in log.events
    options.on_event = [&](const web::call_event& e) {
        log.record(e);
        if (e.what == kind::retry_scheduled && !b_started) {
            b_started = true;
            b_started_at = log.events.size();
            web::oauth(*self).access(params(code_b), diag_b, [&](access_result r) { result_b.emplace(std::move(r)); });
        }
    };
    web::client client(ioc.get_executor(), tls, options);
    self = &client;
    web::oauth(client).access(params(code_a), diag_a, [&](access_result r) { result_a.emplace(std::move(r)); });
    run_until([&] { return result_a.has_value() && result_b.has_value(); }, 5s);

    BOOST_TEST_INFO_SCOPE("events: " << log.dump());
    BOOST_REQUIRE(b_started);
    BOOST_REQUIRE_MESSAGE(result_a->has_value(), "A: " << describe(*result_a));
    BOOST_REQUIRE_MESSAGE(result_b->has_value(), "B: " << describe(*result_b));
    BOOST_TEST(diag_a.attempts == 2u);
    BOOST_TEST(diag_b.attempts == 1u);  // no 429 of its own
    // Only A's first attempt may have met the 429; B was sent once, after the window.
    BOOST_TEST(requests_with_code(server, code_b) == 1u);
    BOOST_TEST(requests_with_code(server, code_a) == 2u);
    BOOST_TEST(server.requests().size() == 3u);
    // B was told to wait: exactly one rate_limit_wait, after B started, at most A's delay.
    const auto waits = log.of(kind::rate_limit_wait);
    BOOST_REQUIRE(waits.size() == 1u);
    BOOST_TEST(waits[0].delay.count() > 0);
    BOOST_TEST(waits[0].delay.count() <= 1125);
    bool wait_after_b = false;
    for (std::size_t i = b_started_at; i < log.events.size(); ++i)
        wait_after_b = wait_after_b || log.events[i].what == kind::rate_limit_wait;
    BOOST_TEST(wait_after_b);
    BOOST_TEST(log.of(kind::attempt_failed).size() == 1u);  // A's 429 only
}

BOOST_AUTO_TEST_CASE(retry_budget_exhaustion_stops_retrying)
{
    options.budget = web::retry_budget{5, 5, 10, 0};
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    web::client client(ioc.get_executor(), tls, options);

    slack::diagnostics first_diag;
    access_result first = access(client, params("mock-unavailable-1-x"), first_diag);
    BOOST_TEST_INFO_SCOPE("events: " << log.dump());
    BOOST_REQUIRE_MESSAGE(first.has_value(), describe(first));
    BOOST_TEST(first_diag.attempts == 2u);

    log.events.clear();
    slack::diagnostics second_diag;
    const std::string second_code = "mock-unavailable-1-y";
    access_result second = access(client, params(second_code), second_diag);
    BOOST_TEST_INFO_SCOPE("result: " << describe(second) << "; events: " << log.dump());
    BOOST_REQUIRE(!second.has_value());
    BOOST_TEST((second.error() == api_errc::service_unavailable));
    BOOST_TEST(second_diag.attempts == 1u);
    BOOST_TEST(server.exchanges(second_code) == 1u);
    BOOST_TEST(log.of(kind::retry_scheduled).empty());
    const auto failed = log.of(kind::failed);
    BOOST_REQUIRE(failed.size() == 1u);
    BOOST_TEST(failed[0].reason.find("budget") != std::string::npos, "reason: '" << failed[0].reason << "'");
}

namespace {
slack::retry_decision always_retry_after_5s(const slack::attempt_info&)
{
    return slack::retry_decision{true, std::chrono::milliseconds(5000), "test"};
}
}  // namespace

BOOST_AUTO_TEST_CASE(deadline_passes_during_backoff)
{
    options.retry = always_retry_after_5s;
    options.timeout = 700ms;
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    web::client client(ioc.get_executor(), tls, options);
    const std::string code = "mock-unavailable-3-t11";
    access_result r = access(client, params(code), diag, 2s);
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; underlying " << diag.underlying.to_string()
                                     << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == client_errc::timeout));
    BOOST_TEST((diag.underlying == api_errc::service_unavailable));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    const auto scheduled = log.of(kind::retry_scheduled);
    BOOST_REQUIRE(scheduled.size() == 1u);
    BOOST_TEST(scheduled[0].delay.count() == 5000);
    BOOST_TEST(scheduled[0].reason == "test");
}

BOOST_AUTO_TEST_CASE(cancellation_during_backoff)
{
    options.retry = always_retry_after_5s;
    asio::cancellation_signal signal;
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) {
        log.record(e);
        if (e.what == kind::retry_scheduled)
            asio::post(ioc, [&] { signal.emit(asio::cancellation_type::terminal); });
    };
    web::client client(ioc.get_executor(), tls, options);
    std::optional<access_result> out;
    const std::string code = "mock-unavailable-3-t12";
    web::oauth(client).access(params(code), diag, asio::bind_cancellation_slot(signal.slot(), [&](access_result r) {
                                  out.emplace(std::move(r));
                              }));
    run_until([&] { return out.has_value(); }, 2s);
    BOOST_TEST_INFO_SCOPE("result: " << describe(*out) << "; events: " << log.dump());
    BOOST_REQUIRE(!out->has_value());
    BOOST_TEST((out->error() == asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_TEST(log.of(kind::retry_scheduled).size() == 1u);
}

BOOST_AUTO_TEST_CASE(cancellation_during_read)
{
    asio::cancellation_signal signal;
    asio::steady_timer timer(ioc);
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) {
        log.record(e);
        if (e.what == kind::attempt_started) {
            timer.expires_after(100ms);
            timer.async_wait([&](boost::system::error_code ec) {
                if (!ec)
                    signal.emit(asio::cancellation_type::terminal);
            });
        }
    };
    web::client client(ioc.get_executor(), tls, options);
    std::optional<access_result> out;
    const std::string code = "mock-delay-5000-t13";
    web::oauth(client).access(params(code), diag, asio::bind_cancellation_slot(signal.slot(), [&](access_result r) {
                                  out.emplace(std::move(r));
                              }));
    run_until([&] { return out.has_value(); }, 2s);
    BOOST_TEST_INFO_SCOPE("result: " << describe(*out) << "; events: " << log.dump());
    BOOST_REQUIRE(!out->has_value());
    // The code may have been spent: the caller is told so, and that it was a cancellation.
    BOOST_TEST((out->error() == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);  // it was waiting for the answer
    BOOST_TEST(!diag.client_message.empty());
}

// milliseconds::max() means "no limit": no overflow into an immediate timeout.
BOOST_AUTO_TEST_CASE(unbounded_timeouts_do_not_overflow)
{
    options.timeout = std::chrono::milliseconds::max();
    options.attempt_timeout = std::chrono::milliseconds::max();
    options.idle_timeout = std::chrono::milliseconds::max();
    web::client client(ioc.get_executor(), tls, options);
    for (int i = 0; i < 2; ++i) {  // the second call takes the idle connection
        slack::diagnostics diag;
        access_result r = access(client, params(server.mint_code()), diag);
        BOOST_TEST(r.has_value(), describe(r));
    }
    BOOST_TEST(client.stats().connections_reused == 1u);
}

BOOST_AUTO_TEST_CASE(cancellation_during_tls_handshake)
{
    // A TCP server that accepts and never speaks TLS.
    asio::ip::tcp::acceptor acceptor(ioc, asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    asio::ip::tcp::socket accepted(ioc);
    bool was_accepted = false;
    acceptor.async_accept(accepted, [&](boost::system::error_code ec) { was_accepted = !ec; });
    options.api_url = "https://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port()) + "/api/";

    asio::cancellation_signal signal;
    asio::steady_timer timer(ioc);
    slack::diagnostics diag;
    web::client client(ioc.get_executor(), tls, options);
    std::optional<access_result> out;
    web::oauth(client).access(
        params("mock-t14"), diag,
        asio::bind_cancellation_slot(signal.slot(), [&](access_result r) { out.emplace(std::move(r)); }));
    timer.expires_after(100ms);
    timer.async_wait([&](boost::system::error_code ec) {
        if (!ec)
            signal.emit(asio::cancellation_type::terminal);
    });
    run_until([&] { return out.has_value(); }, 2s);
    BOOST_TEST_INFO_SCOPE("result: " << describe(*out));
    BOOST_TEST(was_accepted);  // the call got as far as TCP
    BOOST_REQUIRE(!out->has_value());
    BOOST_TEST((out->error() == asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(client.stats().connections_opened == 0u);
    acceptor.close();
    boost::system::error_code ignored;
    accepted.close(ignored);
}

BOOST_AUTO_TEST_CASE(attempt_timeout_after_writing_is_outcome_unknown)
{
    options.attempt_timeout = 300ms;
    options.retry = slack::retry_policy::none();
    slack::diagnostics diag;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    web::client client(ioc.get_executor(), tls, options);
    const std::string code = "mock-delay-3000-t15";
    access_result r = access(client, params(code), diag, 2s);
    BOOST_TEST_INFO_SCOPE("result: " << describe(r) << "; underlying " << diag.underlying.to_string()
                                     << "; events: " << log.dump());
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::attempt_timeout));
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(server.exchanges(code) == 1u);
    const auto failed = log.of(kind::attempt_failed);
    BOOST_REQUIRE(failed.size() == 1u);
    BOOST_TEST((failed[0].error == client_errc::attempt_timeout));
}

// Headers that arrived before the connection broke are no response: their Retry-After must
// not make the policy wait.
BOOST_AUTO_TEST_CASE(a_broken_response_leaves_no_retry_after)
{
    options.retry = slack::retry_policy::none();
    slack::diagnostics diag;
    access_result r = access(params("mock-cut-t18"), diag);
    BOOST_TEST(!r.has_value());
    BOOST_TEST(slack::test::is_peer_close(diag.underlying), describe(r) << " / " << diag.underlying.to_string());
    BOOST_TEST(diag.http_status == 0u);
    BOOST_TEST(!diag.retry_after.has_value());
}

// The deadline timer stays armed across back-to-back attempts on one connection (for the first
// attempt's deadline) and must then wait on until the second attempt's own deadline.
BOOST_AUTO_TEST_CASE(a_reused_connection_times_out_at_its_own_attempts_deadline)
{
    options.attempt_timeout = 400ms;
    options.retry = slack::retry_policy::none();
    web::client client(ioc.get_executor(), tls, options);
    web::oauth oauth(client);
    slack::diagnostics first_diag, diag;
    std::optional<access_result> first, second;
    std::chrono::steady_clock::duration elapsed{};
    // Back to back, the second call starting from the first one's completion, as a bot's loop does.
    auto calls = [&]() -> asio::awaitable<void> {
        first.emplace(co_await oauth.access(params("mock-delay-200-t16"), first_diag));  // 200 of its 400 ms
        const auto second_started = std::chrono::steady_clock::now();
        second.emplace(co_await oauth.access(params("mock-delay-3000-t17"), diag));
        elapsed = std::chrono::steady_clock::now() - second_started;
    };
    asio::co_spawn(ioc, calls(), asio::detached);
    run_until([&] { return second.has_value(); }, 5s);
    BOOST_REQUIRE(first && second);
    BOOST_TEST(first->has_value(), describe(*first));
    BOOST_TEST((diag.underlying == client_errc::attempt_timeout), describe(*second));
    BOOST_TEST(client.stats().connections_reused == 1u);
    // Not at the first attempt's deadline (~200 ms into this one): a slow machine only adds time.
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() >= 390);
}

BOOST_AUTO_TEST_CASE(events_contain_no_secret)
{
    std::vector<std::string> texts;
    auto collect = [&](const web::call_event& e) {
        texts.emplace_back(e.method);
        texts.emplace_back(e.reason);
        texts.push_back(e.error.message());
        texts.push_back(e.error.to_string());
    };
    options.on_event = collect;
    const std::string wrong_secret = "wrong-secret-SENSITIVE-98765";
    const std::string real_secret = server.options().client_secret;
    std::vector<std::string> codes;

    for (web::credentials_in mode : {web::credentials_in::basic_auth, web::credentials_in::form}) {
        options.credentials = mode;
        web::client client(ioc.get_executor(), tls, options);

        const std::string bad_code = server.mint_code();
        codes.push_back(bad_code);
        auto bad = params(bad_code);
        bad.client_secret = wrong_secret;
        slack::diagnostics bad_diag;
        access_result refused = access(client, bad, bad_diag);
        BOOST_TEST_INFO_SCOPE("result: " << describe(refused));
        BOOST_REQUIRE(!refused.has_value());
        BOOST_TEST((refused.error() == api_errc::bad_client_secret));
        texts.push_back(bad_diag.error);
        texts.push_back(bad_diag.client_message);

        const std::string good_code = server.mint_code();
        codes.push_back(good_code);
        slack::diagnostics good_diag;
        access_result accepted = access(client, params(good_code), good_diag);
        BOOST_REQUIRE_MESSAGE(accepted.has_value(), describe(accepted));
        texts.push_back(good_diag.error);
        texts.push_back(good_diag.client_message);
    }

    BOOST_TEST(texts.size() >= 8u * 4u);  // the hook did see events
    std::vector<std::string> secrets = codes;
    secrets.push_back(wrong_secret);
    secrets.push_back(real_secret);
    for (const std::string& text : texts) {
        for (const std::string& secret : secrets)
            BOOST_TEST(text.find(secret) == std::string::npos, "'" << text << "' contains a secret");
    }
}

// Every 429 with a Retry-After closes the method's gate, also when the call that met it does
// not wait (cap exceeded, no time left, a policy that never retries): a later call then fails
// at once or waits, by its own policy and deadline, and never sends a request into the window.
namespace {
struct gate_case {
    const char* name;
    slack::retry_policy policy;
    std::chrono::milliseconds timeout;
    const char* first_code;
};
}  // namespace

BOOST_AUTO_TEST_CASE(every_429_closes_the_gate_for_later_calls)
{
    const gate_case cases[] = {
        {"Retry-After beyond the policy's cap", slack::retry_policy::standard(), 10s, "mock-ratelimit-1-40-gate1"},
        {"policy none", slack::retry_policy::none(), 10s, "mock-ratelimit-1-2-gate2"},
        {"Retry-After beyond the deadline", slack::retry_policy::standard(), 1s, "mock-ratelimit-1-5-gate3"},
    };
    for (const gate_case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            mock_fixture fx;  // a mock of its own: its rate limit holds for the whole method
            fx.options.retry = c.policy;
            fx.options.timeout = c.timeout;
            web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
            slack::diagnostics first_diag, later_diag;
            const access_result first = fx.access(client, fx.params(c.first_code), first_diag);
            BOOST_REQUIRE(first.has_error());
            BOOST_TEST((first.error() == slack::condition::rate_limited));
            BOOST_TEST(first_diag.attempts == 1u);

            const std::string later_code = fx.server.mint_code();
            const auto started = std::chrono::steady_clock::now();
            const access_result later = fx.access(client, fx.params(later_code), later_diag);
            BOOST_REQUIRE(later.has_error());
            BOOST_TEST((later.error() == api_errc::ratelimited));
            BOOST_TEST((std::chrono::steady_clock::now() - started < 500ms));  // at once, no waiting
            BOOST_TEST(fx.server.exchanges(later_code) == 0u);
            BOOST_TEST(later_diag.attempts == 0u);
            BOOST_TEST(later_diag.retry_after.has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(cancellation_during_the_gate_wait_sends_nothing)
{
    asio::cancellation_signal signal;
    slack::diagnostics diag_a, diag_b;
    std::optional<access_result> result_a, result_b;
    const std::string code_b = server.mint_code();
    web::client* self = nullptr;
    options.on_event = [&](const web::call_event& e) {
        if (e.what == kind::retry_scheduled && !result_b && self)  // A met the 429: B starts, meets the gate
            web::oauth(*self).access(
                params(code_b), diag_b,
                asio::bind_cancellation_slot(signal.slot(), [&](access_result r) { result_b.emplace(std::move(r)); }));
        if (e.what == kind::rate_limit_wait)  // B waits: cancel it there
            asio::post(ioc, [&] { signal.emit(asio::cancellation_type::terminal); });
    };
    web::client client(ioc.get_executor(), tls, options);
    self = &client;
    web::oauth(client).access(params("mock-ratelimit-1-1-gatecancel"), diag_a,
                              [&](access_result r) { result_a.emplace(std::move(r)); });
    run_until([&] { return result_a && result_b; }, 5s);
    BOOST_TEST(result_a->has_value());
    BOOST_REQUIRE(result_b->has_error());
    BOOST_TEST((result_b->error() == asio::error::operation_aborted), describe(*result_b));
    BOOST_TEST(server.exchanges(code_b) == 0u);
    BOOST_TEST(diag_b.attempts == 0u);
}

// Once an attempt's outcome was unknown and the call went on (a policy that retries unknown
// outcomes of a call that spends nothing: client.call() of a method not marked idempotent),
// every later way to fail still says the first attempt may have been processed.
namespace {
slack::retry_decision retry_the_first_failure_only(const slack::attempt_info& info)
{
    if (info.attempt == 1)
        return {true, 50ms, "test: retry once"};
    return {false, 0ms, "test: no more"};
}

using call_result = boost::system::result<web::api_response>;

// auth.test through client.call(), not idempotent: a token that closes the connection unanswered.
call_result call_unknown(mock_fixture& fx, web::client& client, const std::string& token, slack::diagnostics& diag,
                         asio::cancellation_slot slot = {})
{
    std::optional<call_result> out;
    client.call("auth.test", {}, token, diag,
                asio::bind_cancellation_slot(slot, [&](call_result r) { out.emplace(std::move(r)); }));
    fx.run_until([&] { return out.has_value(); }, 5s);
    return std::move(*out);
}
}  // namespace

BOOST_AUTO_TEST_CASE(after_an_unknown_outcome_a_refused_connection_is_still_outcome_unknown)
{
    options.retry = retry_the_first_failure_only;
    options.on_event = [&](const web::call_event& e) {
        if (e.what == kind::retry_scheduled)
            server.stop();  // the next attempt meets a closed port
    };
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    const call_result r = call_unknown(*this, client, "mock-close-unknown1", diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == client_errc::outcome_unknown), r.error().message());
    BOOST_TEST((diag.underlying == asio::error::connection_refused), diag.underlying.to_string());
    BOOST_TEST(diag.attempts == 2u);
}

BOOST_AUTO_TEST_CASE(after_an_unknown_outcome_a_deadline_in_backoff_is_still_outcome_unknown)
{
    options.retry = always_retry_after_5s;
    options.timeout = 700ms;
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    const call_result r = call_unknown(*this, client, "mock-close-unknown2", diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == client_errc::outcome_unknown), r.error().message());
    BOOST_TEST((diag.underlying == client_errc::timeout), diag.underlying.to_string());
}

BOOST_AUTO_TEST_CASE(after_an_unknown_outcome_a_cancellation_in_backoff_is_still_outcome_unknown)
{
    options.retry = always_retry_after_5s;
    asio::cancellation_signal signal;
    options.on_event = [&](const web::call_event& e) {
        if (e.what == kind::retry_scheduled)
            asio::post(ioc, [&] { signal.emit(asio::cancellation_type::terminal); });
    };
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    const call_result r = call_unknown(*this, client, "mock-close-unknown3", diag, signal.slot());
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == client_errc::outcome_unknown), r.error().message());
    BOOST_TEST((diag.underlying == asio::error::operation_aborted), diag.underlying.to_string());
}
// B waits in the pool's queue while A meets a 429; A's release hands B the connection during
// the window. B must go back to the gate rather than send into it (found by the soak).
BOOST_AUTO_TEST_CASE(a_queued_call_granted_inside_the_window_waits_at_the_gate)
{
    options.max_connections = 1;
    event_log log;
    options.on_event = [&](const web::call_event& e) { log.record(e); };
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag_a, diag_b;
    std::optional<access_result> result_a, result_b;
    web::oauth(client).access(params("mock-ratelimit-1-1-queued"), diag_a,
                              [&](access_result r) { result_a.emplace(std::move(r)); });
    web::oauth(client).access(params(server.mint_code()), diag_b,
                              [&](access_result r) { result_b.emplace(std::move(r)); });
    run_until([&] { return result_a && result_b; }, 5s);
    BOOST_TEST_INFO_SCOPE("events: " << log.dump());
    BOOST_TEST(result_a->has_value(), describe(*result_a));
    BOOST_TEST(result_b->has_value(), describe(*result_b));
    BOOST_TEST(diag_a.attempts == 2u);
    BOOST_TEST(diag_b.attempts == 1u);  // no 429 of its own
    BOOST_TEST(server.requests().size() == 3u);
    BOOST_TEST(log.of(kind::attempt_started).size() == 3u);  // B's attempt announced once
    BOOST_TEST(log.of(kind::rate_limit_wait).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
