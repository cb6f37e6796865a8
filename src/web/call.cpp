// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "web/call.hpp"

#include "web/call_algorithm.hpp"
#include "web/envelope.hpp"
#include "web/form.hpp"
#include "web/rate/channel_field.hpp"

#include <slack/client_errc.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <openssl/crypto.h>

namespace slack::web::detail {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

// Waits until `t` on a cancellable timer. operation_aborted when the call is cancelled.
asio::awaitable<error_code> wait_until(client_impl& client, clock::time_point t)
{
    asio::steady_timer timer(client.executor, t);
    auto [ec] = co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    co_return ec;
}

double client_random(void* client) { return static_cast<client_impl*>(client)->random(); }

// The limiter's key for `request`: its rate key, else `unnamed` (client_impl::limiter_subject);
// the channel only for the methods the limiter counts per channel.
rate_key limiter_key(const rate_limiter& limiter, const api_request& request, const std::string& unnamed,
                     std::string& channel)
{
    rate_key key{.workspace = request.rate_key.empty() ? std::string_view(unnamed) : request.rate_key,
                 .method = request.method()};
    if (limiter.is_per_channel(key.method)) {
        channel_field(request.body, request.content_type, channel);
        key.channel = channel;
    }
    return key;
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

// The I/O around call_algorithm, which decides everything: this only waits, sends, parses.
asio::awaitable<error_code> run_call(client_impl& client, const api_request& request, slack::diagnostics& diag,
                                     response_fields& fields)
{
    const call_setup setup{.method = request.method(),
                           .idempotent = request.idempotent,
                           .spends = request.spends,
                           .refused = client.options_error,
                           .refused_why = client.options_problem};
    // Held until the call ends: the gate outlives every pointer to it (here and in the pool).
    std::shared_ptr<rate_gate> gate;
    std::shared_ptr<const std::string> authorization;
    std::string subject;
    if (!setup.refused) {
        using credentials_kind = api_request::credentials_kind;
        authorization = request.credentials() == credentials_kind::basic
                            ? client.basic_authorization(request.client_id(), request.client_secret())
                        : request.credentials() == credentials_kind::bearer
                            ? client.bearer_authorization(request.bearer_token())
                            : nullptr;
        subject = client.rate_subject(request);
        gate = client.gate_for(request.method(), subject);
    }
    rate_limiter* const limiter = client.options.limiter.get();
    std::string channel, unnamed;
    if (limiter && !setup.refused && request.rate_key.empty())
        unnamed = client.limiter_subject(request);
    const rate_key key = limiter && !setup.refused ? limiter_key(*limiter, request, unnamed, channel) : rate_key{};
    boost::system::result<rate_grant> grant;
    rate_gate unused;  // a refused call touches no gate
    call_algorithm call(setup, {client.options, client.retry_tokens, gate ? *gate : unused, client_random, &client},
                        diag);
    http_exchange exchange{request.method(), request.body, authorization, &(gate ? *gate : unused).open_at};
    exchange.content_type = request.content_type;
    attempt_outcome outcome;
    call_input in;
    for (;;) {
        in.now = clock::now();
        in.cancelled = cancelled(co_await asio::this_coro::cancellation_state);
        const call_action action = call.next(in);
        in = {};
        if (action.block_for && limiter)
            limiter->block(key, *action.block_for);
        switch (action.what) {
        case call_action::kind::done: co_return action.error;
        case call_action::kind::acquire:
            grant = co_await limiter->acquire(key, action.until, asio::use_awaitable);
            in.grant = &grant;
            break;
        case call_action::kind::wait_gate:
        case call_action::kind::wait_pace:
        case call_action::kind::sleep: in.wait_error = co_await wait_until(client, action.until); break;
        case call_action::kind::send: {
            attempt_result reply = co_await client.pool.send(exchange, action.attempt_deadline);
            interpret_reply(reply, diag, fields, outcome);
            if (outcome.ok)
                outcome.error = fields.finish(std::move(reply.body), outcome.problem);
            in.outcome = &outcome;
            break;
        }
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
