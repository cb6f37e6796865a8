// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The call's decisions without I/O: a fake clock, attempt outcomes as values, the actions checked.
// Every rule of the retry loop (gate, budget, policy, spend rules, deadlines, cancellation) is
// here; the integration tests keep what needs a socket.
#include <boost/test/unit_test.hpp>

#include "web/call_algorithm.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {

namespace web = slack::web;
namespace detail = slack::web::detail;
using boost::system::error_code;
using detail::attempt_outcome;
using detail::call_action;
using detail::clock;
using slack::api_errc;
using slack::client_errc;
using namespace std::chrono_literals;
using kind = web::call_event::kind;
using act = call_action::kind;

struct event {
    kind what;
    unsigned attempt;
    error_code error;
    unsigned http_status;
    std::chrono::milliseconds delay;
    std::string reason;
    std::optional<std::chrono::seconds> retry_after;  // diag.retry_after when it fired
};

// One client's shared state, a fake clock, and one call at a time on it.
struct harness {
    web::client_options options;
    double tokens = 0;
    detail::rate_gate gate;
    clock::time_point now = clock::time_point(24h);  // the fake clock
    double random = 0.5;
    unsigned random_asked = 0;
    std::vector<slack::attempt_info> asked;  // what the policy was told
    detail::call_setup setup{.method = "oauth.access", .spends = {web::single_use::code, api_errc::invalid_code}};
    slack::diagnostics diag;
    std::vector<event> events;
    std::optional<detail::call_algorithm> call;
    std::vector<attempt_outcome> sent;  // kept: the algorithm reads an outcome only during next()
    std::vector<boost::system::result<web::rate_grant>> grants;  // likewise

    harness()
    {
        options.on_event = [this](const web::call_event& e) {
            events.push_back(
                {e.what, e.attempt, e.error, e.http_status, e.delay, std::string(e.reason), diag.retry_after});
        };
        tokens = options.budget.capacity;
    }

    // Lets the policy be watched: what it is asked is recorded, its answers are `policy`'s.
    void watch(slack::retry_function policy)
    {
        options.retry = [this, policy](const slack::attempt_info& info) {
            asked.push_back(info);
            return policy(info);
        };
    }

    static double draw(void* self)
    {
        auto& h = *static_cast<harness*>(self);
        ++h.random_asked;
        return h.random;
    }

    call_action start(bool cancelled = false)
    {
        diag.clear();
        events.clear();
        call.emplace(setup, detail::call_shared{options, tokens, gate, draw, this}, diag);
        return call->next({.now = now, .cancelled = cancelled});
    }
    // The limiter answered the `acquire` it was asked.
    call_action granted(boost::system::result<web::rate_grant> grant, bool cancelled = false)
    {
        grants.push_back(grant);
        return call->next({.now = now, .cancelled = cancelled, .grant = &grants.back()});
    }
    call_action answer(attempt_outcome outcome)
    {
        sent.push_back(std::move(outcome));
        return call->next({.now = now, .outcome = &sent.back()});
    }
    // The wait or sleep `a` asked for ran to its end (or ended with `ec`, at the current time).
    call_action wake(const call_action& a, error_code ec = {}, bool cancelled = false)
    {
        if (!ec)
            now = a.until;
        return call->next({.now = now, .cancelled = cancelled, .wait_error = ec});
    }

    std::vector<event> of(kind k) const
    {
        std::vector<event> out;
        for (const event& e : events)
            if (e.what == k)
                out.push_back(e);
        return out;
    }
};

// Outcomes, as the transport and the parse give them.
attempt_outcome ok() { return {.http_status = 200, .request_written = true, .response_received = true, .ok = true}; }
attempt_outcome slack_error(error_code ec, unsigned status = 200)
{
    return {.error = ec, .http_status = status, .request_written = true, .response_received = true};
}
attempt_outcome rate_limited(std::optional<std::chrono::seconds> retry_after)
{
    attempt_outcome o = slack_error(api_errc::ratelimited, 429);
    o.retry_after = retry_after;
    return o;
}
attempt_outcome status(unsigned s) { return slack_error(client_errc::http_status, s); }
// Sent, and the connection closed unanswered.
attempt_outcome closed()
{
    return {
        .error = client_errc::connection_closed, .original_error = boost::asio::error::eof, .request_written = true};
}
attempt_outcome refused() { return {.error = boost::asio::error::connection_refused}; }
attempt_outcome timed_out(bool written) { return {.error = boost::beast::error::timeout, .request_written = written}; }
attempt_outcome aborted(bool written)
{
    return {.error = boost::asio::error::operation_aborted, .request_written = written};
}
attempt_outcome unusable(error_code ec, const char* problem = "")
{
    attempt_outcome o = slack_error(ec);
    o.ok = ec == client_errc::unexpected_shape && *problem;
    o.problem = problem;
    return o;
}

// A limiter the algorithm is told of: it only asks the I/O loop to consult it, never calls it.
struct unused_limiter final : web::rate_limiter {
    boost::asio::any_io_executor get_executor() const override { return {}; }
    void block(const web::rate_key&, std::chrono::milliseconds) override {}
    bool is_per_channel(std::string_view) const override { return false; }
    void do_acquire(const web::rate_key&, clock::time_point,
                    boost::asio::any_completion_handler<web::rate_signature>) override
    {
    }
};

web::rate_grant at(clock::time_point t, bool reserved = true) { return {.send_at = t, .reserved = reserved}; }

slack::retry_decision always_5s(const slack::attempt_info&) { return {true, 5000ms, "test"}; }
slack::retry_decision once_then_stop(const slack::attempt_info& info)
{
    return info.attempt == 1 ? slack::retry_decision{true, 50ms, "once"} : slack::retry_decision{false, 0ms, "stop"};
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(call_algorithm, harness)

BOOST_AUTO_TEST_CASE(a_success_sends_once_and_refunds_the_budget)
{
    tokens = 10;
    const call_action send = start();
    BOOST_TEST((send.what == act::send));
    BOOST_TEST(send.attempt == 1u);
    BOOST_TEST((send.attempt_deadline == now + options.attempt_timeout));  // sooner than the call's
    const call_action done = answer(ok());
    BOOST_TEST((done.what == act::done));
    BOOST_TEST(!done.error);
    BOOST_TEST(tokens == 11.0);
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(diag.http_status == 200u);
    BOOST_REQUIRE(events.size() == 2u);
    BOOST_TEST((events[0].what == kind::attempt_started));
    BOOST_TEST((events[1].what == kind::succeeded));
    BOOST_TEST(random_asked == 0u);
}

BOOST_AUTO_TEST_CASE(the_refund_stops_at_the_capacity)
{
    start();
    answer(ok());
    BOOST_TEST(tokens == double(options.budget.capacity));
}

BOOST_AUTO_TEST_CASE(the_attempt_deadline_is_the_calls_when_that_is_sooner)
{
    options.timeout = 3s;
    BOOST_TEST((start().attempt_deadline == now + 3s));
}

BOOST_AUTO_TEST_CASE(unbounded_timeouts_do_not_overflow)
{
    options.timeout = std::chrono::milliseconds::max();
    options.attempt_timeout = std::chrono::milliseconds::max();
    const call_action send = start();
    BOOST_TEST((send.attempt_deadline == clock::time_point::max()));
    BOOST_TEST(!answer(ok()).error);
}

BOOST_AUTO_TEST_CASE(unusable_options_fail_at_once_with_their_message)
{
    setup.refused = client_errc::invalid_argument;
    setup.refused_why = "max_connections is 0";
    const call_action done = start();
    BOOST_TEST((done.what == act::done));
    BOOST_TEST((done.error == client_errc::invalid_argument));
    BOOST_TEST(diag.client_message == "max_connections is 0");
    BOOST_TEST(diag.attempts == 0u);
    BOOST_REQUIRE(events.size() == 1u);
    BOOST_TEST((events[0].what == kind::failed));
    BOOST_TEST(events[0].attempt == 0u);
}

BOOST_AUTO_TEST_CASE(a_429_with_retry_after_waits_it_plus_jitter_and_costs_no_budget)
{
    start();
    const call_action sleep = answer(rate_limited(1s));
    BOOST_TEST((sleep.what == act::sleep));
    BOOST_TEST((sleep.until == now + 1125ms));  // 1 s + 0.5 * 250 ms jitter
    BOOST_TEST(tokens == double(options.budget.capacity));
    BOOST_TEST((gate.open_at == now + 1125ms));  // the other calls of the method wait as long
    const auto scheduled = of(kind::retry_scheduled);
    BOOST_REQUIRE(scheduled.size() == 1u);
    BOOST_TEST(scheduled[0].delay.count() == 1125);
    BOOST_TEST(scheduled[0].http_status == 429u);
    BOOST_TEST((scheduled[0].error == api_errc::ratelimited));
    BOOST_TEST((scheduled[0].retry_after == std::optional<std::chrono::seconds>(1s)));  // diag said it then
    const call_action again = wake(sleep);
    BOOST_TEST((again.what == act::send));  // the gate is open at that time
    BOOST_TEST(again.attempt == 2u);
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(diag.attempts == 2u);
    BOOST_TEST(!diag.retry_after.has_value());  // the last response's
}

BOOST_AUTO_TEST_CASE(a_429_without_retry_after_waits_the_fallback_and_costs_a_retry)
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.fallback_retry_after = 200ms;
    options.retry = policy;
    start();
    const call_action sleep = answer(rate_limited(std::nullopt));
    BOOST_TEST((sleep.until == now + 325ms));
    BOOST_TEST(tokens == double(options.budget.capacity - options.budget.retry_cost));
    BOOST_TEST((gate.open_at == now + 325ms));  // a rate limit closes the gate until the retry
}

BOOST_AUTO_TEST_CASE(a_retry_after_above_the_cap_fails_at_once_and_still_closes_the_gate)
{
    start();
    const call_action done = answer(rate_limited(120s));
    BOOST_TEST((done.what == act::done));
    BOOST_TEST((done.error == api_errc::ratelimited));
    BOOST_TEST((done.error == slack::condition::rate_limited));
    BOOST_TEST(diag.retry_after->count() == 120);
    BOOST_TEST(diag.http_status == 429u);
    BOOST_TEST(of(kind::retry_scheduled).empty());
    BOOST_TEST((gate.open_at == now + 120s));
}

BOOST_AUTO_TEST_CASE(a_retry_after_beyond_the_deadline_fails_at_once)
{
    options.timeout = 2s;
    start();
    const call_action done = answer(rate_limited(5s));
    BOOST_TEST((done.error == api_errc::ratelimited));
    BOOST_TEST(of(kind::failed).size() == 1u);
    BOOST_TEST((gate.open_at == now + 5s));
}

BOOST_AUTO_TEST_CASE(a_transient_failure_backs_off_and_costs_a_retry)
{
    for (const attempt_outcome& transient : {status(503), slack_error(api_errc::service_unavailable)}) {
        BOOST_TEST_CONTEXT(transient.error.message())
        {
            tokens = 100;
            start();
            const call_action sleep = answer(transient);
            BOOST_TEST((sleep.what == act::sleep));
            BOOST_TEST((sleep.until == now + 125ms));  // 0.5 * base_delay 250 ms
            BOOST_TEST(tokens == 95.0);
            BOOST_TEST((gate.open_at == clock::time_point()));  // no rate limit: the gate stays open
            const auto failed = of(kind::attempt_failed);
            BOOST_REQUIRE(failed.size() == 1u);
            BOOST_TEST((failed[0].error == transient.error));
            BOOST_TEST(failed[0].http_status == transient.http_status);
            BOOST_TEST((wake(sleep).what == act::send));
            BOOST_TEST(!answer(ok()).error);
            BOOST_TEST(diag.attempts == 2u);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_retry_after_a_timeout_costs_the_timeout_cost)
{
    options.retry = always_5s;
    setup.idempotent = true;
    tokens = 100;
    start();
    BOOST_TEST((answer(timed_out(true)).what == act::sleep));
    BOOST_TEST(tokens == 100.0 - options.budget.timeout_cost);
}

BOOST_AUTO_TEST_CASE(an_empty_budget_stops_retrying)
{
    options.budget = web::retry_budget{5, 5, 10, 0};
    tokens = 5;
    start();
    const call_action sleep = answer(slack_error(api_errc::service_unavailable));
    BOOST_TEST((sleep.what == act::sleep));
    wake(sleep);
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(tokens == 0.0);  // no refund: success_refund is 0

    start();
    const call_action done = answer(slack_error(api_errc::service_unavailable));
    BOOST_TEST((done.what == act::done));
    BOOST_TEST((done.error == api_errc::service_unavailable));
    BOOST_TEST(of(kind::retry_scheduled).empty());
    BOOST_REQUIRE(of(kind::failed).size() == 1u);
    BOOST_TEST(of(kind::failed)[0].reason == "retry budget empty");
}

BOOST_AUTO_TEST_CASE(rate_limits_with_retry_after_never_empty_the_budget)
{
    // One workspace's 429s cannot spend the retries of the others.
    options.budget = web::retry_budget{5, 5, 10, 0};
    tokens = 5;
    for (int i = 0; i < 3; ++i) {
        start();
        const call_action sleep = answer(rate_limited(0s));
        BOOST_REQUIRE((sleep.what == act::sleep));
        wake(sleep);
        BOOST_TEST(!answer(ok()).error);
    }
    BOOST_TEST(tokens == 5.0);
    start();
    BOOST_TEST((answer(status(503)).what == act::sleep));  // the retry is still there
}

BOOST_AUTO_TEST_CASE(a_connection_closed_after_writing_is_outcome_unknown_and_not_retried)
{
    start();
    const call_action done = answer(closed());
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((done.error == slack::condition::outcome_unknown));
    BOOST_TEST((diag.underlying == boost::asio::error::eof));  // the transport's own code, kept
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(of(kind::retry_scheduled).empty());
}

BOOST_AUTO_TEST_CASE(no_policy_can_send_a_single_use_credential_twice)
{
    watch([](const slack::attempt_info&) { return slack::retry_decision{true, 0ms, "always"}; });
    start();
    const call_action done = answer(closed());
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_REQUIRE(asked.size() == 1u);
    // The policy is told what the attempt means, and what caused it.
    BOOST_TEST((asked[0].error == client_errc::outcome_unknown));
    BOOST_TEST((asked[0].underlying == client_errc::connection_closed));
    BOOST_TEST(asked[0].request_written);
    BOOST_TEST(!asked[0].idempotent);
    BOOST_REQUIRE(of(kind::failed).size() == 1u);
    BOOST_TEST(of(kind::failed)[0].reason.find("single-use") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_retry_unknown_outcome_policy_still_never_resends_a_code)
{
    slack::retry_policy policy = slack::retry_policy::standard();
    policy.retry_unknown_outcome = true;
    options.retry = policy;
    start();
    BOOST_TEST((answer(closed()).error == client_errc::outcome_unknown));
    BOOST_TEST(diag.attempts == 1u);
}

BOOST_AUTO_TEST_CASE(a_possibly_processed_status_is_outcome_unknown)
{
    start();
    const call_action done = answer(status(500));
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::http_status));
    BOOST_TEST(diag.http_status == 500u);
    BOOST_TEST(of(kind::retry_scheduled).empty());
}

BOOST_AUTO_TEST_CASE(slack_saying_part_may_have_happened_is_outcome_unknown)
{
    options.retry = slack::retry_policy::none();
    start();
    const call_action done = answer(slack_error(api_errc::fatal_error));
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == api_errc::fatal_error));
}

BOOST_AUTO_TEST_CASE(an_idempotent_call_is_retried_after_an_unknown_outcome_and_the_policy_hears_the_plain_error)
{
    setup = {.method = "auth.test", .idempotent = true};
    watch(slack::retry_policy::standard());
    start();
    BOOST_TEST((answer(status(500)).what == act::sleep));
    BOOST_REQUIRE(asked.size() == 1u);
    BOOST_TEST((asked[0].error == client_errc::http_status));
    BOOST_TEST(asked[0].idempotent);
}

BOOST_AUTO_TEST_CASE(the_policy_is_told_the_attempt_time_left_retry_after_and_a_random_draw)
{
    options.timeout = 10s;
    random = 0.25;
    watch(slack::retry_policy::standard());
    start();
    now += 2s;
    answer(rate_limited(3s));
    BOOST_REQUIRE(asked.size() == 1u);
    BOOST_TEST(asked[0].attempt == 1u);
    BOOST_TEST(asked[0].time_left.count() == 8000);
    BOOST_TEST((asked[0].retry_after == std::optional<std::chrono::milliseconds>(3000ms)));
    BOOST_TEST(asked[0].http_status == 429u);
    BOOST_TEST(asked[0].response_received);
    BOOST_TEST(asked[0].random == 0.25);
    BOOST_TEST(random_asked == 1u);
}

BOOST_AUTO_TEST_CASE(after_an_unknown_outcome_every_later_failure_is_still_outcome_unknown)
{
    // A call that spends nothing, not idempotent (client.call()), and a policy that retries once.
    setup = {.method = "auth.test"};
    options.retry = once_then_stop;
    start();
    const call_action sleep = answer(closed());
    BOOST_REQUIRE((sleep.what == act::sleep));
    wake(sleep);
    const call_action done = answer(refused());
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == boost::asio::error::connection_refused));
    BOOST_TEST(diag.client_message.find("earlier attempt") != std::string::npos);
    BOOST_TEST(diag.attempts == 2u);
}

BOOST_AUTO_TEST_CASE(after_an_unknown_outcome_a_deadline_in_backoff_is_still_outcome_unknown)
{
    setup = {.method = "auth.test"};
    options.retry = always_5s;
    options.timeout = 700ms;
    start();
    const call_action sleep = answer(closed());
    BOOST_TEST((sleep.until == now + 700ms));  // the deadline comes first
    const call_action done = wake(sleep);
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::timeout));
}

BOOST_AUTO_TEST_CASE(after_an_unknown_outcome_a_cancellation_in_backoff_is_still_outcome_unknown)
{
    setup = {.method = "auth.test"};
    options.retry = always_5s;
    start();
    const call_action sleep = answer(closed());
    const call_action done = wake(sleep, boost::asio::error::operation_aborted);
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == boost::asio::error::operation_aborted));
}

BOOST_AUTO_TEST_CASE(a_deadline_passing_during_backoff_is_a_timeout_naming_the_last_error)
{
    options.retry = always_5s;
    options.timeout = 700ms;
    start();
    const call_action sleep = answer(slack_error(api_errc::service_unavailable));
    BOOST_TEST((sleep.until == now + 700ms));
    BOOST_REQUIRE(of(kind::retry_scheduled).size() == 1u);
    BOOST_TEST(of(kind::retry_scheduled)[0].delay.count() == 5000);
    BOOST_TEST(of(kind::retry_scheduled)[0].reason == "test");
    const call_action done = wake(sleep);
    BOOST_TEST((done.error == client_errc::timeout));
    BOOST_TEST((diag.underlying == api_errc::service_unavailable));
    BOOST_TEST(diag.attempts == 1u);
}

BOOST_AUTO_TEST_CASE(a_cancellation_during_backoff_ends_the_call)
{
    options.retry = always_5s;
    start();
    const call_action done =
        wake(answer(slack_error(api_errc::service_unavailable)), boost::asio::error::operation_aborted);
    BOOST_TEST((done.error == boost::asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 1u);
}

BOOST_AUTO_TEST_CASE(a_cancellation_before_the_first_attempt_sends_nothing)
{
    const call_action done = start(true);
    BOOST_TEST((done.error == boost::asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 0u);
    BOOST_TEST(of(kind::attempt_started).empty());
}

BOOST_AUTO_TEST_CASE(a_cancellation_noticed_between_backoff_and_the_next_attempt_ends_the_call)
{
    options.retry = always_5s;
    start();
    const call_action sleep = answer(slack_error(api_errc::service_unavailable));
    const call_action done = wake(sleep, {}, true);
    BOOST_TEST((done.error == boost::asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 1u);
}

BOOST_AUTO_TEST_CASE(timeouts_are_named_by_whose_deadline_passed)
{
    options.retry = slack::retry_policy::none();
    options.timeout = 5s;
    setup.idempotent = true;
    start();
    now += 1s;
    BOOST_TEST((answer(timed_out(false)).error == client_errc::attempt_timeout));
    start();
    now += 5s;
    BOOST_TEST((answer(timed_out(false)).error == client_errc::timeout));
}

BOOST_AUTO_TEST_CASE(an_attempt_timeout_after_writing_is_outcome_unknown)
{
    options.retry = slack::retry_policy::none();
    start();
    const call_action done = answer(timed_out(true));
    BOOST_TEST((done.error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::attempt_timeout));
    BOOST_REQUIRE(of(kind::attempt_failed).size() == 1u);
    BOOST_TEST((of(kind::attempt_failed)[0].error == client_errc::attempt_timeout));
}

BOOST_AUTO_TEST_CASE(a_cancellation_after_writing_is_outcome_unknown_unless_idempotent)
{
    start();
    BOOST_TEST((answer(aborted(true)).error == client_errc::outcome_unknown));
    BOOST_TEST((diag.underlying == boost::asio::error::operation_aborted));
    BOOST_TEST(diag.client_message == "cancelled after the request was sent: it may have been processed");
    start();
    BOOST_TEST((answer(aborted(false)).error == boost::asio::error::operation_aborted));
    setup.idempotent = true;
    start();
    BOOST_TEST((answer(aborted(true)).error == boost::asio::error::operation_aborted));
}

BOOST_AUTO_TEST_CASE(an_unusable_success_body_of_a_spending_call_says_the_credential_is_spent)
{
    for (const error_code precise : {error_code(client_errc::invalid_json), error_code(client_errc::unexpected_shape),
                                     error_code(client_errc::body_too_large)}) {
        BOOST_TEST_CONTEXT(precise.message())
        {
            options.retry = slack::retry_policy::standard();
            start();
            const call_action done = answer(unusable(precise));
            BOOST_TEST((done.error == client_errc::outcome_unknown));
            BOOST_TEST((diag.underlying == precise));
            BOOST_TEST(diag.attempts == 1u);
            BOOST_TEST(diag.client_message.find("success status") != std::string::npos);
        }
    }
    start();
    const char* problem = "oauth.access answered ok with a field of an unexpected type: access_token";
    BOOST_TEST((answer(unusable(client_errc::unexpected_shape, problem)).error == client_errc::outcome_unknown));
    BOOST_TEST(diag.client_message == std::string(problem) + "; the code is spent");
    BOOST_TEST((diag.underlying == client_errc::unexpected_shape));
}

BOOST_AUTO_TEST_CASE(an_unusable_ok_answer_of_a_call_that_spends_nothing_says_it_was_processed)
{
    setup = {.method = "chat.postMessage"};
    options.retry = slack::retry_policy::none();
    start();
    BOOST_TEST((answer(unusable(client_errc::unexpected_shape, "m answered ok without ts")).error ==
                client_errc::outcome_unknown));
    BOOST_TEST(diag.client_message == "m answered ok without ts; the request was processed");
}

BOOST_AUTO_TEST_CASE(an_unusable_answer_of_an_idempotent_call_is_the_precise_error)
{
    setup = {.method = "auth.test", .idempotent = true};
    options.retry = slack::retry_policy::none();
    start();
    BOOST_TEST((answer(unusable(client_errc::unexpected_shape, "auth.test answered ok without user_id")).error ==
                client_errc::unexpected_shape));
    BOOST_TEST(diag.client_message == "auth.test answered ok without user_id");
    start();
    BOOST_TEST((answer(unusable(client_errc::invalid_json)).error == client_errc::invalid_json));
}

BOOST_AUTO_TEST_CASE(an_unusable_error_body_spends_nothing)
{
    options.retry = slack::retry_policy::none();
    start();
    attempt_outcome html_503 = status(503);
    BOOST_TEST((answer(html_503).error == client_errc::http_status));
}

BOOST_AUTO_TEST_CASE(a_mistyped_optional_field_is_said_and_the_answer_kept)
{
    start();
    attempt_outcome answer_with_problem = ok();
    answer_with_problem.problem = "oauth.access response fields of an unexpected type, left empty: scope";
    BOOST_TEST(!answer(answer_with_problem).error);
    BOOST_TEST(diag.client_message == answer_with_problem.problem);
}

BOOST_AUTO_TEST_CASE(the_transport_says_why_in_words)
{
    options.retry = slack::retry_policy::none();
    setup.idempotent = true;
    start();
    attempt_outcome tls = refused();
    tls.error = boost::asio::error::connection_reset;
    tls.tls_verify_error = "hostname mismatch";
    answer(tls);
    BOOST_TEST(diag.client_message == "server certificate refused: hostname mismatch");
    start();
    attempt_outcome proxy = refused();
    proxy.error = client_errc::proxy_refused;
    proxy.proxy_status = 407;
    answer(proxy);
    BOOST_TEST(diag.client_message == "the proxy answered CONNECT with HTTP 407: nothing reached Slack");
}

BOOST_AUTO_TEST_CASE(a_broken_response_leaves_no_status_and_no_retry_after)
{
    options.retry = slack::retry_policy::none();
    start();
    answer(closed());
    BOOST_TEST(diag.http_status == 0u);
    BOOST_TEST(!diag.retry_after.has_value());
}

// The method's gate (another call met a 429): the call waits there, or fails at once.
BOOST_AUTO_TEST_CASE(a_closed_gate_is_waited_at_without_sending)
{
    gate.open_at = now + 800ms;
    watch(slack::retry_policy::standard());
    const call_action wait = start();
    BOOST_TEST((wait.what == act::wait_gate));
    BOOST_TEST((wait.until == gate.open_at));
    BOOST_TEST(diag.attempts == 0u);
    BOOST_REQUIRE(asked.size() == 1u);  // asked as if this call had been rate limited
    BOOST_TEST((asked[0].error == api_errc::ratelimited));
    BOOST_TEST(asked[0].attempt == 1u);
    BOOST_TEST((asked[0].retry_after == std::optional<std::chrono::milliseconds>(800ms)));
    BOOST_REQUIRE(of(kind::rate_limit_wait).size() == 1u);
    BOOST_TEST(of(kind::rate_limit_wait)[0].delay.count() == 800);
    BOOST_TEST(of(kind::rate_limit_wait)[0].reason == "method rate-limited");
    const call_action send = wake(wait);
    BOOST_TEST((send.what == act::send));
    BOOST_TEST(send.attempt == 1u);
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(of(kind::attempt_failed).empty());
    BOOST_TEST(tokens == double(options.budget.capacity));  // waiting at the gate costs nothing
}

BOOST_AUTO_TEST_CASE(a_closed_gate_fails_at_once_when_the_policy_would_not_wait)
{
    struct gate_case {
        const char* name;
        slack::retry_policy policy;
        std::chrono::milliseconds timeout;
        std::chrono::seconds closed_for;
    };
    const gate_case cases[] = {
        {"beyond the policy's cap", slack::retry_policy::standard(), 10s, 40s},
        {"policy none", slack::retry_policy::none(), 10s, 2s},
        {"beyond the deadline", slack::retry_policy::standard(), 1s, 5s},
    };
    for (const gate_case& c : cases) {
        BOOST_TEST_CONTEXT(c.name)
        {
            options.retry = c.policy;
            options.timeout = c.timeout;
            gate.open_at = now + c.closed_for;
            const call_action done = start();
            BOOST_TEST((done.what == act::done));
            BOOST_TEST((done.error == api_errc::ratelimited));
            BOOST_TEST(diag.attempts == 0u);
            BOOST_TEST((diag.retry_after == std::optional<std::chrono::seconds>(c.closed_for)));
            BOOST_TEST(of(kind::attempt_started).empty());
        }
    }
}

BOOST_AUTO_TEST_CASE(a_cancellation_during_the_gate_wait_sends_nothing)
{
    gate.open_at = now + 800ms;
    const call_action wait = start();
    const call_action done = wake(wait, boost::asio::error::operation_aborted);
    BOOST_TEST((done.error == boost::asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 0u);
    start();
    BOOST_TEST((wake(wait, {}, true).error == boost::asio::error::operation_aborted));  // noticed after it
    BOOST_TEST(diag.attempts == 0u);
}

BOOST_AUTO_TEST_CASE(a_deadline_during_the_gate_wait_is_a_timeout)
{
    options.retry = [](const slack::attempt_info&) { return slack::retry_decision{true, 0ms, "wait"}; };
    options.timeout = 500ms;
    gate.open_at = now + 800ms;
    const call_action wait = start();
    BOOST_TEST((wait.until == now + 500ms));
    BOOST_TEST((wake(wait).error == client_errc::timeout));
    BOOST_TEST(diag.attempts == 0u);
}

BOOST_AUTO_TEST_CASE(a_queued_call_granted_inside_the_window_goes_back_to_the_gate)
{
    const call_action send = start();
    gate.open_at = now + 1s;  // another call met a 429 while this one queued for a connection
    const call_action wait = answer({.gate_closed = true});
    BOOST_TEST((wait.what == act::wait_gate));
    BOOST_TEST((wait.until == gate.open_at));
    const call_action again = wake(wait);
    BOOST_TEST((again.what == act::send));
    BOOST_TEST(again.attempt == send.attempt);  // the same attempt, announced once
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(diag.attempts == 1u);
    BOOST_TEST(of(kind::attempt_started).size() == 1u);
    BOOST_TEST(of(kind::attempt_failed).empty());
}

BOOST_AUTO_TEST_CASE(a_gate_later_than_the_retry_is_waited_at_before_the_next_attempt)
{
    start();
    const call_action sleep = answer(slack_error(api_errc::service_unavailable));
    gate.open_at = sleep.until + 2s;  // another call's 429 meanwhile
    const call_action wait = wake(sleep);
    BOOST_TEST((wait.what == act::wait_gate));
    BOOST_TEST((wake(wait).what == act::send));
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(diag.attempts == 2u);
    BOOST_REQUIRE(of(kind::rate_limit_wait).size() == 1u);
    BOOST_TEST(of(kind::rate_limit_wait)[0].attempt == 2u);
}

BOOST_AUTO_TEST_CASE(a_later_429_never_shortens_the_gate)
{
    options.retry = slack::retry_policy::patient();
    options.timeout = 120s;
    start();
    gate.open_at = now + 60s;  // another call's 429, while this attempt was on the way
    const call_action sleep = answer(rate_limited(1s));
    BOOST_TEST((sleep.what == act::sleep));
    BOOST_TEST((gate.open_at == now + 60s));
    BOOST_TEST((wake(sleep).what == act::wait_gate));  // then waits for the gate
}

BOOST_AUTO_TEST_CASE(events_follow_the_calls_order_and_attempts)
{
    start();
    const call_action sleep = answer(status(503));
    wake(sleep);
    answer(slack_error(api_errc::invalid_code));
    std::vector<std::string_view> kinds;
    for (const event& e : events)
        kinds.push_back(web::to_string(e.what));
    const std::vector<std::string_view> expected{"attempt_started", "attempt_failed", "retry_scheduled",
                                                 "attempt_started", "attempt_failed", "failed"};
    BOOST_TEST(kinds == expected, boost::test_tools::per_element());
    BOOST_TEST(events.back().attempt == 2u);
    BOOST_TEST((events.back().error == api_errc::invalid_code));
    BOOST_TEST(events.back().http_status == 200u);
}

// client_options::limiter: asked once per attempt, after the gate; its answer paces the send.
BOOST_AUTO_TEST_CASE(without_a_limiter_nothing_is_asked_and_nothing_blocked)
{
    options.retry = slack::retry_policy::patient();
    options.timeout = 120s;
    BOOST_TEST((start().what == act::send));
    const call_action sleep = answer(rate_limited(30s));
    BOOST_REQUIRE((sleep.what == act::sleep));
    BOOST_TEST(!sleep.block_for.has_value());
    BOOST_TEST((wake(sleep).what == act::send));
}

BOOST_AUTO_TEST_CASE(the_limiter_is_asked_before_each_attempt_until_the_calls_deadline)
{
    options.limiter = std::make_shared<unused_limiter>();
    options.timeout = 20s;
    // The latest place leaves the attempt a second (or its attempt_timeout, if shorter).
    const clock::time_point deadline = now + 19s;
    const call_action ask = start();
    BOOST_TEST((ask.what == act::acquire));
    BOOST_TEST((ask.until == deadline));  // the latest it may be granted
    BOOST_TEST(events.empty());           // nothing announced before the grant
    const call_action send = granted(at(now));
    BOOST_TEST((send.what == act::send));
    BOOST_TEST(send.attempt == 1u);
    const call_action sleep = answer(status(503));
    BOOST_TEST((sleep.what == act::sleep));
    const call_action again = wake(sleep);
    BOOST_TEST((again.what == act::acquire));  // the next attempt asks again
    BOOST_TEST((again.until == deadline));
    BOOST_TEST((granted(at(now)).attempt == 2u));
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(of(kind::pacing_wait).empty());
}

BOOST_AUTO_TEST_CASE(a_closed_gate_is_waited_at_before_the_limiter_is_asked)
{
    options.limiter = std::make_shared<unused_limiter>();
    gate.open_at = now + 800ms;
    const call_action wait = start();
    BOOST_TEST((wait.what == act::wait_gate));
    BOOST_TEST((wake(wait).what == act::acquire));
}

BOOST_AUTO_TEST_CASE(a_later_place_is_waited_for_then_sent_without_asking_again)
{
    options.limiter = std::make_shared<unused_limiter>();
    start();
    const call_action wait = granted(at(now + 300ms));
    BOOST_TEST((wait.what == act::wait_pace));
    BOOST_TEST((wait.until == now + 300ms));
    BOOST_REQUIRE(of(kind::pacing_wait).size() == 1u);
    BOOST_TEST(of(kind::pacing_wait)[0].delay.count() == 300);
    BOOST_TEST(of(kind::pacing_wait)[0].attempt == 1u);
    BOOST_TEST(diag.attempts == 0u);
    const call_action send = wake(wait);
    BOOST_TEST((send.what == act::send));
    BOOST_TEST(!answer(ok()).error);
    BOOST_TEST(tokens == double(options.budget.capacity));  // pacing costs no retry budget
}

BOOST_AUTO_TEST_CASE(a_place_past_the_deadline_ends_the_call_as_a_gate_that_cannot_open_in_time)
{
    options.limiter = std::make_shared<unused_limiter>();
    options.timeout = 2s;
    start();
    const call_action done = granted(at(now + 5s, false));
    BOOST_TEST((done.what == act::done));
    BOOST_TEST((done.error == api_errc::ratelimited));
    BOOST_TEST((diag.retry_after == std::optional<std::chrono::seconds>(5s)));
    BOOST_TEST(diag.attempts == 0u);
    BOOST_REQUIRE(of(kind::failed).size() == 1u);
    BOOST_TEST(of(kind::failed)[0].reason == "paced past the call's deadline");
    BOOST_TEST(of(kind::attempt_started).empty());
}

BOOST_AUTO_TEST_CASE(a_failed_limiter_lets_the_call_go_unpaced)
{
    options.limiter = std::make_shared<unused_limiter>();
    start();
    const call_action send = granted(boost::system::result<web::rate_grant>(client_errc::timeout));
    BOOST_TEST((send.what == act::send));
    BOOST_TEST(!answer(ok()).error);
}

BOOST_AUTO_TEST_CASE(cancelled_while_asking_or_pacing)
{
    options.limiter = std::make_shared<unused_limiter>();
    start();
    BOOST_TEST((granted(at(now), true).error == boost::asio::error::operation_aborted));
    start();
    const call_action wait = granted(at(now + 1s));
    BOOST_TEST((wake(wait, boost::asio::error::operation_aborted).error == boost::asio::error::operation_aborted));
    BOOST_TEST(diag.attempts == 0u);
}

BOOST_AUTO_TEST_CASE(a_429s_retry_after_is_passed_to_the_limiter)
{
    options.limiter = std::make_shared<unused_limiter>();
    options.retry = slack::retry_policy::patient();
    options.timeout = 120s;
    start();
    granted(at(now));
    const call_action sleep = answer(rate_limited(30s));
    BOOST_TEST((sleep.what == act::sleep));
    BOOST_TEST((sleep.block_for == std::optional<std::chrono::milliseconds>(30s)));
    BOOST_TEST((gate.open_at >= now + 30s));  // the gate still closes, as without a limiter
    // Ending the call instead: the block still goes out with the final action.
    options.retry = slack::retry_policy::none();
    gate = {};  // another client, say: no gate of its own closed
    BOOST_REQUIRE((start().what == act::acquire));
    granted(at(now));
    const call_action done = answer(rate_limited(10s));
    BOOST_TEST((done.what == act::done));
    BOOST_TEST((done.block_for == std::optional<std::chrono::milliseconds>(10s)));
    // A 429 without Retry-After says nothing to block by.
    gate = {};
    BOOST_REQUIRE((start().what == act::acquire));
    granted(at(now));
    BOOST_TEST(!answer(rate_limited(std::nullopt)).block_for.has_value());
}

BOOST_AUTO_TEST_CASE(an_attempt_sent_back_to_the_gate_asks_for_a_place_after_it)
{
    // Its first place lies inside the window a 429 blocked: sent when the gate opens, every such
    // call would go at once.
    options.limiter = std::make_shared<unused_limiter>();
    start();
    granted(at(now));
    gate.open_at = now + 1s;
    const call_action wait = answer({.gate_closed = true});
    BOOST_TEST((wait.what == act::wait_gate));
    BOOST_TEST((wake(wait).what == act::acquire));
    BOOST_TEST((granted(at(now + 1500ms)).what == act::wait_pace));
}

BOOST_AUTO_TEST_SUITE_END()
