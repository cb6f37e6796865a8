// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/call.hpp"

#include "web/envelope.hpp"
#include "web/form.hpp"

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>
#include <slack/condition.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>

#include <openssl/crypto.h>

#include <algorithm>

namespace slack::web::detail {

namespace asio = boost::asio;
using boost::system::error_code;
using std::chrono::milliseconds;

namespace {

// now + d, saturating: milliseconds::max() means "no limit", not an overflow.
clock::time_point after(milliseconds d)
{
    const clock::time_point now = clock::now();
    const auto room = std::chrono::duration_cast<milliseconds>(clock::time_point::max() - now);
    return d >= room ? clock::time_point::max() : now + d;
}

milliseconds until(clock::time_point t)
{
    return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(t - clock::now()));
}

class call_reporter {
public:
    call_reporter(const client_impl& client, std::string_view method) : client_(client), method_(method) {}

    void operator()(call_event::kind what, unsigned attempt, error_code error = {}, unsigned status = 0,
                    milliseconds delay = milliseconds(0), std::string_view reason = {}) const
    {
        if (client_.options.on_event)
            client_.options.on_event(call_event{what, method_, attempt, error, status, delay, reason});
    }

private:
    const client_impl& client_;
    std::string_view method_;
};

// Waits until `t` on a cancellable timer. operation_aborted when the call is cancelled.
asio::awaitable<error_code> wait_until(client_impl& client, clock::time_point t)
{
    asio::steady_timer timer(client.executor, t);
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return ec;
}

// The error the caller sees for a timeout: the call's deadline, or one attempt's.
error_code name_timeout(error_code ec, clock::time_point deadline)
{
    if (ec != boost::beast::error::timeout && ec != client_errc::timeout)
        return ec;
    return clock::now() >= deadline ? error_code(client_errc::timeout) : error_code(client_errc::attempt_timeout);
}

// A 2xx whose body cannot be used: Slack processed the request, and its answer is lost.
bool spent_without_usable_answer(const attempt_result& reply, error_code ec)
{
    return reply.response_received && is_success_status(reply.status) &&
           (ec == client_errc::invalid_json || ec == client_errc::unexpected_shape ||
            ec == client_errc::body_too_large);
}

bool take_retry_tokens(client_impl& client, error_code ec)
{
    const bool timed_out = ec == client_errc::attempt_timeout || ec == client_errc::timeout;
    const double cost = timed_out ? client.options.budget.timeout_cost : client.options.budget.retry_cost;
    if (client.retry_tokens < cost)
        return false;
    client.retry_tokens -= cost;
    return true;
}

void refund_retry_tokens(client_impl& client)
{
    client.retry_tokens =
        std::min<double>(client.options.budget.capacity, client.retry_tokens + client.options.budget.success_refund);
}

}  // namespace

api_request::~api_request()
{
    OPENSSL_cleanse(body.data(), body.size());
    OPENSSL_cleanse(credentials_.data(), credentials_.size());
}

void api_request::set_basic_credentials(std::string_view client_id, std::string_view client_secret)
{
    OPENSSL_cleanse(credentials_.data(), credentials_.size());
    credentials_.clear();
    credentials_.reserve(client_id.size() + client_secret.size());  // one buffer, never reallocated
    credentials_.append(client_id).append(client_secret);
    id_size_ = client_id.size();
    kind_ = credentials_kind::basic;
}

void api_request::set_bearer_token(std::string_view token)
{
    OPENSSL_cleanse(credentials_.data(), credentials_.size());
    credentials_.clear();
    credentials_.reserve(token.size());
    credentials_.append(token);
    id_size_ = token.size();
    kind_ = credentials_kind::bearer;
}

asio::awaitable<error_code> run_call(client_impl& client, const api_request& request, slack::diagnostics& diag,
                                     response_fields& fields)
{
    const call_reporter report(client, request.method());
    if (client.options_error) {
        if (client.options_problem)
            diag.client_message = client.options_problem;
        report(call_event::kind::failed, 0, client.options_error);
        co_return error_code(client.options_error);
    }
    const clock::time_point deadline = after(client.options.timeout);
    using credentials_kind = api_request::credentials_kind;
    const std::shared_ptr<const std::string> authorization =
        request.credentials() == credentials_kind::basic
            ? client.basic_authorization(request.client_id(), request.client_secret())
        : request.credentials() == credentials_kind::bearer ? client.bearer_authorization(request.bearer_token())
                                                            : nullptr;
    // Held until the call ends: the gate outlives every pointer to it (here and in the pool).
    const std::shared_ptr<rate_gate> gate = client.gate_for(request.method(), client.rate_subject(request));
    http_exchange exchange{request.method(), request.body, authorization, &gate->open_at};
    exchange.content_type = request.content_type;
    // Set once an attempt may have been processed without our knowing its answer (and the call
    // went on): from then on, every way the call can fail says so.
    bool earlier_outcome_unknown = false;
    unsigned announced = 0;    // the last attempt reported as started
    unsigned last_status = 0;  // of the last answer: diagnostics are written for the caller, never read back

    const auto fail = [&](unsigned attempt, error_code ec, std::string_view reason = {}) {
        if (earlier_outcome_unknown && ec != client_errc::outcome_unknown &&
            ec != client_errc::code_probably_consumed) {
            diag.underlying = ec;
            diag.client_message = "an earlier attempt was sent and its answer lost: it may have been processed";
            ec = client_errc::outcome_unknown;
        }
        report(call_event::kind::failed, attempt, ec, last_status, milliseconds(0), reason);
        return ec;
    };

    for (unsigned attempt = 1;; ++attempt) {
        // A cancellation that arrived between two operations still ends the call here.
        if (cancelled(co_await asio::this_coro::cancellation_state))
            co_return fail(attempt - 1, asio::error::operation_aborted);
        // The method's gate is closed (a 429 told us, or another call, to wait): ask the policy
        // as if this call had been rate limited, and never send a request into the window.
        if (const clock::time_point open_at = gate->open_at; open_at > clock::now()) {
            attempt_info gated;
            gated.attempt = std::max(attempt - 1, 1u);
            gated.error = api_errc::ratelimited;
            gated.idempotent = request.idempotent;
            gated.retry_after = until(open_at);
            gated.time_left = until(deadline);
            gated.random = client.random();
            const retry_decision decision = client.options.retry ? client.options.retry(gated) : retry_decision{};
            if (!decision.retry) {
                diag.retry_after = std::chrono::ceil<std::chrono::seconds>(open_at - clock::now());
                co_return fail(attempt - 1, api_errc::ratelimited, decision.reason);
            }
            // Until the gate opens, exactly (its time already holds the jitter).
            const milliseconds wait = std::chrono::ceil<milliseconds>(open_at - clock::now());
            report(call_event::kind::rate_limit_wait, attempt, {}, 0, wait, "method rate-limited");
            if (error_code ec = co_await wait_until(client, std::min(open_at, deadline)))
                co_return fail(attempt - 1, ec);
            if (cancelled(co_await asio::this_coro::cancellation_state))
                co_return fail(attempt - 1, asio::error::operation_aborted);
            if (clock::now() >= deadline)
                co_return fail(attempt - 1, client_errc::timeout);
        }

        diag.attempts = attempt;
        if (attempt > announced)  // once per attempt, also when it went back to the gate
            report(call_event::kind::attempt_started, attempt);
        announced = attempt;
        const clock::time_point attempt_deadline = std::min(deadline, after(client.options.attempt_timeout));
        attempt_result reply = co_await client.pool.send(exchange, attempt_deadline);
        if (reply.gate_closed) {  // nothing was sent: back to the gate, as the same (started) attempt
            --attempt;
            continue;
        }
        const reply_summary answer = interpret_reply(reply, diag, fields);
        last_status = diag.http_status = answer.http_status;
        diag.retry_after = answer.retry_after;
        error_code ec = answer.error;
        if (!ec)
            ec = fields.finish(std::move(reply.body), diag, !request.idempotent,
                               request.spends.credential == single_use::nothing ? std::string_view()
                                                                                : to_string(request.spends.credential));
        if (!ec) {
            refund_retry_tokens(client);
            report(call_event::kind::succeeded, attempt, {}, reply.status);
            co_return error_code{};
        }
        ec = name_timeout(ec, deadline);
        if (reply.original_error)
            diag.underlying = reply.original_error;  // what a renamed transport error was
        if (reply.tls_verify_error)
            diag.client_message = std::string("server certificate refused: ") + reply.tls_verify_error;
        if (reply.proxy_status)
            diag.client_message = "the proxy answered CONNECT with HTTP " + std::to_string(reply.proxy_status) +
                                  ": nothing reached Slack";
        if (!request.idempotent && spent_without_usable_answer(reply, ec)) {
            diag.underlying = ec;
            diag.client_message =
                "Slack answered with a success status but the body could not be used: "
                "the request was processed (a single-use credential is spent)";
            ec = client_errc::outcome_unknown;
        }
        report(call_event::kind::attempt_failed, attempt, ec, answer.http_status);
        const bool rate_limited = ec == condition::rate_limited || answer.http_status == 429;
        if (rate_limited && answer.retry_after)  // every call of the method waits, whatever this one does
            gate->open_at = std::max(gate->open_at, after(*answer.retry_after));
        if (ec == asio::error::operation_aborted) {
            if (reply.request_written && !request.idempotent) {
                // The caller cancelled, but the request may already have reached Slack.
                diag.underlying = ec;
                diag.client_message = "cancelled after the request was sent: it may have been processed";
                ec = client_errc::outcome_unknown;
            }
            co_return fail(attempt, ec);
        }
        if (request.spends.credential != single_use::nothing && earlier_outcome_unknown &&
            ec == request.spends.already_spent) {
            // Our own earlier attempt, whose answer was lost, most likely spent the credential.
            diag.underlying = ec;
            diag.client_message = std::string(to_string(request.spends.already_spent)) +
                                  " after an attempt whose answer was lost: that attempt most likely spent the " +
                                  std::string(to_string(request.spends.credential));
            co_return fail(attempt, client_errc::code_probably_consumed);
        }

        attempt_info info;
        info.attempt = attempt;
        info.error = ec;
        info.http_status = answer.http_status;
        info.response_received = reply.response_received;
        info.request_written = reply.request_written;
        info.idempotent = request.idempotent;
        if (answer.retry_after)
            info.retry_after = std::chrono::duration_cast<milliseconds>(*answer.retry_after);
        info.time_left = until(deadline);
        info.random = client.random();
        const bool unknown = outcome_unknown(info) && !request.idempotent;
        if (unknown && ec != client_errc::outcome_unknown) {
            info.underlying = ec;  // the policy is told what this means, and what caused it
            info.error = client_errc::outcome_unknown;
        }
        retry_decision decision = client.options.retry ? client.options.retry(info) : retry_decision{};
        // The single-use rule is the client's, not the policy's: a credential an attempt may have
        // spent is never sent again, whatever the policy answers.
        if (decision.retry && unknown && request.spends.credential != single_use::nothing)
            decision = {false, milliseconds(0), "outcome unknown; the request spends a single-use credential"};
        // A wait Slack asked for is paced by the gate, not a sign of an outage: it costs no budget,
        // so one workspace's 429s cannot spend the retries of the others.
        if (decision.retry && !(rate_limited && answer.retry_after) && !take_retry_tokens(client, ec))
            decision = {false, milliseconds(0), "retry budget empty"};
        if (!decision.retry) {
            if (unknown && ec != client_errc::outcome_unknown) {
                if (!reply.original_error)  // else it is already the transport's own code
                    diag.underlying = ec;
                ec = client_errc::outcome_unknown;
            }
            co_return fail(attempt, ec, decision.reason);
        }

        earlier_outcome_unknown = earlier_outcome_unknown || unknown;
        const clock::time_point retry_at = after(decision.delay);
        if (rate_limited)
            gate->open_at = std::max(gate->open_at, retry_at);
        report(call_event::kind::retry_scheduled, attempt, ec, answer.http_status, decision.delay, decision.reason);
        if (error_code wait_error = co_await wait_until(client, std::min(retry_at, deadline)))
            co_return fail(attempt, wait_error);
        if (clock::now() >= deadline) {
            diag.underlying = ec;
            co_return fail(attempt, client_errc::timeout);
        }
    }
}

asio::awaitable<error_code> call_operation(std::shared_ptr<client_impl> client, api_request request,
                                           response_fields& fields, slack::diagnostics* external_diag)
{
    co_await asio::this_coro::throw_if_cancelled(false);
    slack::diagnostics local_diag;
    slack::diagnostics& diag = external_diag ? *external_diag : local_diag;
    diag.clear();
    if (!request.invalid && !is_header_token(request.method()))
        request.invalid = "method holds a space or a control character";
    if (!request.invalid && request.credentials() == api_request::credentials_kind::bearer &&
        !is_header_token(request.bearer_token()))
        request.invalid =
            "token holds a space or a control character (a byte below 0x21, or 0x7f): "
            "it cannot be sent in a header";
    if (request.invalid) {
        diag.client_message = request.invalid;
        co_return client_errc::invalid_argument;
    }
    co_return co_await run_call(*client, request, diag, fields);
}

}  // namespace slack::web::detail
