// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/call_algorithm.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>

#include <algorithm>
#include <utility>

namespace slack::web::detail {

using boost::system::error_code;
using std::chrono::milliseconds;

namespace {

// now + d, saturating: milliseconds::max() means "no limit", not an overflow.
clock::time_point after(clock::time_point now, milliseconds d)
{
    const auto room = std::chrono::duration_cast<milliseconds>(clock::time_point::max() - now);
    return d >= room ? clock::time_point::max() : now + d;
}

milliseconds until(clock::time_point now, clock::time_point t)
{
    return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(t - now));
}

// Slack did what was asked (an `ok: true`, or a 2xx), but its answer cannot be used.
bool processed_without_usable_answer(const attempt_outcome& outcome)
{
    const error_code ec = outcome.error;
    return (outcome.ok || (outcome.response_received && is_success_status(outcome.http_status))) &&
           (ec == client_errc::invalid_json || ec == client_errc::unexpected_shape ||
            ec == client_errc::body_too_large);
}

// The policy's view of an attempt: the one place attempt_info is made from an outcome.
attempt_info info_of(const attempt_outcome& outcome, error_code ec, unsigned attempt, bool idempotent)
{
    attempt_info info;
    info.attempt = attempt;
    info.error = ec;
    info.http_status = outcome.http_status;
    info.response_received = outcome.response_received;
    info.request_written = outcome.request_written;
    info.idempotent = idempotent;
    if (outcome.retry_after)
        info.retry_after = std::chrono::duration_cast<milliseconds>(*outcome.retry_after);
    return info;
}

}  // namespace

call_action call_algorithm::next(const call_input& in)
{
    switch (state_) {
    case state::start:
        if (setup_.refused) {
            if (setup_.refused_why)
                diag_.client_message = setup_.refused_why;
            emit(call_event::kind::failed, 0, setup_.refused);
            return {.error = setup_.refused};
        }
        deadline_ = after(in.now, shared_.options.timeout);
        return to_gate_or_send(in);
    case state::after_gate:
        if (const auto ended = wait_ended(in))
            return *ended;
        return acquire_or_send(in);
    case state::after_acquire: return on_grant(in, *in.grant);
    case state::after_pace:
        if (const auto ended = wait_ended(in))
            return *ended;
        return send(in);  // the place is reserved: not asked again
    case state::after_send: {
        call_action action = on_outcome(in, *in.outcome);
        action.block_for = std::exchange(block_for_, std::nullopt);
        return action;
    }
    case state::after_sleep:
        if (in.wait_error)
            return fail(attempt_, in.wait_error);
        if (in.now >= deadline_) {
            diag_.underlying = retried_error_;
            return fail(attempt_, client_errc::timeout);
        }
        ++attempt_;
        return to_gate_or_send(in);
    }
    return {.error = client_errc::invalid_argument};  // unreachable
}

std::optional<call_action> call_algorithm::wait_ended(const call_input& in)
{
    if (in.wait_error)
        return fail(attempt_ - 1, in.wait_error);
    if (in.cancelled)
        return fail(attempt_ - 1, boost::asio::error::operation_aborted);
    if (in.now >= deadline_)
        return fail(attempt_ - 1, client_errc::timeout);
    return std::nullopt;
}

call_action call_algorithm::to_gate_or_send(const call_input& in)
{
    // A cancellation that arrived between two operations still ends the call here.
    if (in.cancelled)
        return fail(attempt_ - 1, boost::asio::error::operation_aborted);
    const clock::time_point open_at = shared_.gate.open_at;
    if (open_at <= in.now)
        return acquire_or_send(in);
    // The method's gate is closed (a 429 told us, or another call, to wait): ask the policy as if
    // this call had been rate limited, and never send a request into the window.
    attempt_info gated;
    gated.attempt = std::max(attempt_ - 1, 1u);
    gated.error = api_errc::ratelimited;
    gated.idempotent = setup_.idempotent;
    gated.retry_after = until(in.now, open_at);
    gated.time_left = until(in.now, deadline_);
    const retry_decision decision = ask_policy(gated);
    if (!decision.retry) {
        diag_.retry_after = std::chrono::ceil<std::chrono::seconds>(open_at - in.now);
        return fail(attempt_ - 1, api_errc::ratelimited, decision.reason);
    }
    // Until the gate opens, exactly (its time already holds the jitter).
    emit(call_event::kind::rate_limit_wait, attempt_, {}, 0, std::chrono::ceil<milliseconds>(open_at - in.now),
         "method rate-limited");
    state_ = state::after_gate;
    return {.what = call_action::kind::wait_gate, .until = std::min(open_at, deadline_)};
}

call_action call_algorithm::acquire_or_send(const call_input& in)
{
    // Once per attempt; an attempt the gate sent back asks again (on_outcome).
    if (!shared_.options.limiter || acquired_ == attempt_)
        return send(in);
    acquired_ = attempt_;
    state_ = state::after_acquire;
    // A place so late that the attempt would have no time left is worth less than `ratelimited`
    // now: a non-idempotent call cut short after writing would end `outcome_unknown`.
    const milliseconds margin = std::min(shared_.options.attempt_timeout, milliseconds(1000));
    return {.what = call_action::kind::acquire, .until = std::max(in.now, deadline_ - margin)};
}

call_action call_algorithm::on_grant(const call_input& in, const boost::system::result<rate_grant>& grant)
{
    if (in.cancelled)
        return fail(attempt_ - 1, boost::asio::error::operation_aborted);
    if (!grant)  // the limiter failed: the call goes unpaced rather than not at all
        return send(in);
    if (!grant->reserved) {
        // Its place is past the call's deadline: the call ends now, as at a gate that cannot open
        // in time, rather than wait for a failure it can foresee.
        diag_.retry_after = std::chrono::ceil<std::chrono::seconds>(grant->send_at - in.now);
        return fail(attempt_ - 1, api_errc::ratelimited, "paced past the call's deadline");
    }
    if (grant->send_at <= in.now)
        return send(in);
    emit(call_event::kind::pacing_wait, attempt_, {}, 0, std::chrono::ceil<milliseconds>(grant->send_at - in.now),
         "method paced");
    state_ = state::after_pace;
    return {.what = call_action::kind::wait_pace, .until = std::min(grant->send_at, deadline_)};
}

call_action call_algorithm::send(const call_input& in)
{
    diag_.attempts = attempt_;
    if (attempt_ > announced_)  // once per attempt, also when it went back to the gate
        emit(call_event::kind::attempt_started, attempt_);
    announced_ = attempt_;
    state_ = state::after_send;
    return {.what = call_action::kind::send,
            .attempt = attempt_,
            .attempt_deadline = std::min(deadline_, after(in.now, shared_.options.attempt_timeout))};
}

call_action call_algorithm::on_outcome(const call_input& in, const attempt_outcome& outcome)
{
    if (outcome.gate_closed) {  // nothing was sent: back to the gate, as the same (started) attempt
        // Its place was granted before the 429 that closed the gate, so it lies in the blocked
        // window: kept, every such call would be sent the moment the gate opens, a burst that
        // earns the next 429. It asks the limiter again, for a place after the block.
        acquired_ = 0;
        return to_gate_or_send(in);
    }
    last_status_ = diag_.http_status = outcome.http_status;
    diag_.retry_after = outcome.retry_after;
    error_code ec = outcome.error;
    if (!ec) {
        if (!outcome.problem.empty())  // a mistyped optional field: said, and the answer kept
            diag_.client_message = outcome.problem;
        shared_.retry_tokens = std::min<double>(shared_.options.budget.capacity,
                                                shared_.retry_tokens + shared_.options.budget.success_refund);
        emit(call_event::kind::succeeded, attempt_, {}, outcome.http_status);
        return {};
    }
    // A timeout is the call's when its deadline has passed, else one attempt's.
    if (ec == boost::beast::error::timeout || ec == client_errc::timeout)
        ec = in.now >= deadline_ ? error_code(client_errc::timeout) : error_code(client_errc::attempt_timeout);
    if (outcome.original_error)
        diag_.underlying = outcome.original_error;  // what a renamed transport error was
    if (outcome.tls_verify_error)
        diag_.client_message = std::string("server certificate refused: ") + outcome.tls_verify_error;
    if (outcome.proxy_status)
        diag_.client_message =
            "the proxy answered CONNECT with HTTP " + std::to_string(outcome.proxy_status) + ": nothing reached Slack";
    else if (!outcome.problem.empty())
        diag_.client_message = outcome.problem;
    if (!setup_.idempotent && processed_without_usable_answer(outcome)) {
        // Slack has done what was asked (a code is spent), and what it answered is lost to us.
        diag_.underlying = ec;
        if (outcome.problem.empty())
            diag_.client_message =
                "Slack answered with a success status but the body could not be used: "
                "the request was processed (a single-use credential is spent)";
        else if (setup_.spends.credential == single_use::nothing)
            diag_.client_message += "; the request was processed";
        else
            diag_.client_message.append("; the ").append(to_string(setup_.spends.credential)).append(" is spent");
        ec = client_errc::outcome_unknown;
    }
    emit(call_event::kind::attempt_failed, attempt_, ec, outcome.http_status);
    const bool rate_limited = ec == condition::rate_limited || outcome.http_status == 429;
    if (rate_limited && outcome.retry_after) {  // every call of the method waits, whatever this one does
        shared_.gate.open_at = std::max(shared_.gate.open_at, after(in.now, *outcome.retry_after));
        if (shared_.options.limiter)  // and every replica's, when the limiter is shared
            block_for_ = std::chrono::ceil<milliseconds>(*outcome.retry_after);
    }
    if (ec == boost::asio::error::operation_aborted) {
        if (outcome.request_written && !setup_.idempotent) {
            // The caller cancelled, but the request may already have reached Slack.
            diag_.underlying = ec;
            diag_.client_message = "cancelled after the request was sent: it may have been processed";
            ec = client_errc::outcome_unknown;
        }
        return fail(attempt_, ec);
    }
    const bool spends = setup_.spends.credential != single_use::nothing;

    attempt_info info = info_of(outcome, ec, attempt_, setup_.idempotent);
    info.time_left = until(in.now, deadline_);
    const bool unknown = !setup_.idempotent && outcome_unknown(info);
    if (unknown && ec != client_errc::outcome_unknown) {
        info.underlying = ec;  // the policy is told what this means, and what caused it
        info.error = client_errc::outcome_unknown;
    }
    retry_decision decision = ask_policy(info);
    // The single-use rule is the client's, not the policy's: a credential an attempt may have
    // spent is never sent again, whatever the policy answers.
    if (decision.retry && unknown && spends)
        decision = {false, milliseconds(0), "outcome unknown; the request spends a single-use credential"};
    // A wait Slack asked for is paced by the gate, not a sign of an outage: it costs no budget,
    // so one workspace's 429s cannot spend the retries of the others.
    if (decision.retry && !(rate_limited && outcome.retry_after)) {
        const bool timed_out = ec == client_errc::attempt_timeout || ec == client_errc::timeout;
        const double cost = timed_out ? shared_.options.budget.timeout_cost : shared_.options.budget.retry_cost;
        if (shared_.retry_tokens < cost)
            decision = {false, milliseconds(0), "retry budget empty"};
        else
            shared_.retry_tokens -= cost;
    }
    if (!decision.retry) {
        if (unknown && ec != client_errc::outcome_unknown) {
            if (!outcome.original_error)  // else it is already the transport's own code
                diag_.underlying = ec;
            ec = client_errc::outcome_unknown;
        }
        return fail(attempt_, ec, decision.reason);
    }

    earlier_outcome_unknown_ = earlier_outcome_unknown_ || unknown;
    retried_error_ = ec;
    const clock::time_point retry_at = after(in.now, decision.delay);
    if (rate_limited)
        shared_.gate.open_at = std::max(shared_.gate.open_at, retry_at);
    emit(call_event::kind::retry_scheduled, attempt_, ec, outcome.http_status, decision.delay, decision.reason);
    state_ = state::after_sleep;
    return {.what = call_action::kind::sleep, .until = std::min(retry_at, deadline_)};
}

call_action call_algorithm::fail(unsigned attempt, error_code ec, std::string_view reason)
{
    if (earlier_outcome_unknown_ && ec != client_errc::outcome_unknown) {
        diag_.underlying = ec;
        diag_.client_message = "an earlier attempt was sent and its answer lost: it may have been processed";
        ec = client_errc::outcome_unknown;
    }
    emit(call_event::kind::failed, attempt, ec, last_status_, milliseconds(0), reason);
    return {.error = ec};
}

retry_decision call_algorithm::ask_policy(attempt_info& info) const
{
    info.random = shared_.random(shared_.random_context);
    return shared_.options.retry ? shared_.options.retry(info) : retry_decision{};
}

void call_algorithm::emit(call_event::kind what, unsigned attempt, error_code error, unsigned status,
                          milliseconds delay, std::string_view reason) const
{
    if (shared_.options.on_event)
        shared_.options.on_event(call_event{what, setup_.method, attempt, error, status, delay, reason});
}

}  // namespace slack::web::detail
