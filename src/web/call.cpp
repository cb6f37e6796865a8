#include "web/call.hpp"

#include "web/envelope.hpp"

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

using result_type = boost::system::result<std::string>;

result_type failure(error_code ec) { return result_type(boost::system::in_place_error, ec); }

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
    client.retry_tokens = std::min<double>(client.options.budget.capacity,
                                           client.retry_tokens + client.options.budget.success_refund);
}

}  // namespace

api_request::~api_request() { OPENSSL_cleanse(body.data(), body.size()); }

asio::awaitable<result_type> run_call(client_impl& client, const api_request& request, slack::diagnostics& diag,
                                      response_fields& fields)
{
    const call_reporter report(client, request.method);
    if (client.endpoint_error) {
        report(call_event::kind::failed, 0, client.endpoint_error);
        co_return failure(client.endpoint_error);
    }
    const clock::time_point deadline = after(client.options.timeout);
    const http_exchange exchange{request.method, request.body,
                                 request.authorization ? std::string_view(*request.authorization) : std::string_view()};
    auto gate = client.rate_gates.try_emplace(std::string(request.method), clock::time_point{}).first;
    bool earlier_outcome_unknown = false;

    for (unsigned attempt = 1;; ++attempt) {
        // A cancellation that arrived between two operations still ends the call here.
        if ((co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none) {
            report(call_event::kind::failed, attempt - 1, asio::error::operation_aborted);
            co_return failure(asio::error::operation_aborted);
        }
        // Another call was told to wait: do not collect a 429 of our own.
        if (const clock::time_point open_at = gate->second; open_at > clock::now()) {
            if (open_at > deadline) {
                diag.retry_after = std::chrono::ceil<std::chrono::seconds>(open_at - clock::now());
                report(call_event::kind::failed, attempt - 1, api_errc::ratelimited);
                co_return failure(api_errc::ratelimited);
            }
            report(call_event::kind::rate_limit_wait, attempt, {}, 0, until(open_at), "method rate-limited");
            if (error_code ec = co_await wait_until(client, open_at)) {
                report(call_event::kind::failed, attempt - 1, ec);
                co_return failure(ec);
            }
        }

        diag.attempts = attempt;
        report(call_event::kind::attempt_started, attempt);
        const clock::time_point attempt_deadline = std::min(deadline, after(client.options.attempt_timeout));
        attempt_result reply = co_await client.pool.send(exchange, attempt_deadline);
        const error_code interpreted = interpret_reply(reply, diag, fields);
        if (!interpreted) {
            refund_retry_tokens(client);
            report(call_event::kind::succeeded, attempt, {}, reply.status);
            co_return std::move(reply.body);
        }
        error_code ec = name_timeout(interpreted, deadline);
        report(call_event::kind::attempt_failed, attempt, ec, diag.http_status);
        if (ec == asio::error::operation_aborted) {
            if (reply.request_written && request.single_use) {
                // The caller cancelled, but the code may already have reached Slack and been spent.
                diag.underlying = client_errc::outcome_unknown;
                diag.client_message = "cancelled after the request was sent: the code may have been spent";
            }
            report(call_event::kind::failed, attempt, ec);
            co_return failure(ec);
        }
        if (request.single_use && earlier_outcome_unknown && ec == api_errc::code_already_used) {
            // Our own earlier attempt, whose answer was lost, most likely spent the code.
            diag.underlying = ec;
            report(call_event::kind::failed, attempt, client_errc::code_probably_consumed);
            co_return failure(client_errc::code_probably_consumed);
        }

        attempt_info info;
        info.attempt = attempt;
        info.error = ec;
        info.http_status = diag.http_status;
        info.response_received = reply.response_received;
        info.request_written = reply.request_written;
        info.idempotent = request.idempotent;
        if (diag.retry_after)
            info.retry_after = std::chrono::duration_cast<milliseconds>(*diag.retry_after);
        info.time_left = until(deadline);
        info.random = client.random();
        const bool unknown = outcome_unknown(info) && !request.idempotent;
        retry_decision decision = client.options.retry ? client.options.retry(info) : retry_decision{};
        if (decision.retry && !take_retry_tokens(client, ec))
            decision = {false, milliseconds(0), "retry budget empty"};
        if (!decision.retry) {
            if (unknown) {
                diag.underlying = ec;
                ec = client_errc::outcome_unknown;
            }
            report(call_event::kind::failed, attempt, ec, diag.http_status, milliseconds(0), decision.reason);
            co_return failure(ec);
        }

        earlier_outcome_unknown = earlier_outcome_unknown || unknown;
        const clock::time_point retry_at = after(decision.delay);
        if (ec == condition::rate_limited || diag.http_status == 429)
            gate->second = std::max(gate->second, retry_at);
        report(call_event::kind::retry_scheduled, attempt, ec, diag.http_status, decision.delay, decision.reason);
        if (error_code wait_error = co_await wait_until(client, std::min(retry_at, deadline))) {
            report(call_event::kind::failed, attempt, wait_error);
            co_return failure(wait_error);
        }
        if (clock::now() >= deadline) {
            report(call_event::kind::failed, attempt, client_errc::timeout);
            diag.underlying = ec;
            co_return failure(client_errc::timeout);
        }
    }
}

}  // namespace slack::web::detail
