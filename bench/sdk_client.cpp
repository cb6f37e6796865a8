// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The SDK under test: each operation with the SDK's defaults (retry policy, pool, JSON mapping,
// diagnostics), from `in_flight` coroutines sharing one client.
#include "limiter_choice.hpp"
#include "load.hpp"

#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <cstdlib>
#include <stdexcept>

namespace bench {

namespace asio = boost::asio;
namespace web = slack::web;

namespace {

struct sdk_state {
    sdk_state(asio::io_context& ioc, const target& where, const scenario& what)
        : tls(std::make_shared<asio::ssl::context>(web::make_tls_context())),
          client(ioc.get_executor(), tls, options_for(ioc, where, what))
    {
        if (what.rate_keyed)
            for (std::size_t i = 0; i < workload().tokens.size(); ++i)
                workspaces.push_back("T" + std::to_string(100000 + i));
    }

    std::string_view workspace_of_call(std::size_t k) const
    {
        return workspaces.empty() ? std::string_view{} : std::string_view(workspaces[k % workspaces.size()]);
    }

    web::client_options options_for(asio::io_context& ioc, const target& where, const scenario& what)
    {
        tls->add_certificate_authority(asio::buffer(where.ca_pem));
        web::client_options options;
        options.api_url = "https://" + where.host + ":" + std::to_string(where.port) + "/api/";
        options.max_connections = what.in_flight;
        if (what.mode != connection_mode::keep_alive)
            options.idle_timeout = std::chrono::milliseconds(0);  // never reuse: a new connection per call
        options.resume_tls_sessions = what.mode == connection_mode::resumption;
        options.limiter = make_limiter(what.limiter, ioc.get_executor());
        // scripts/bench's proxy row; not HTTPS_PROXY, which would send every row through a proxy
        // the machine happens to have.
        if (const char* proxy = std::getenv("SLACK_BENCH_PROXY"))
            options.proxy = proxy;
        return options;
    }

    std::shared_ptr<asio::ssl::context> tls;
    web::client client;
    std::size_t next_call = 0;  // chat.postMessage: which token and body go next
    // client.call()'s rate_key, for scenario::rate_keyed: the workspace of each of the bot's
    // tokens (chat.postMessage), the mock's team (auth.test/call). Empty: the token's fingerprint.
    std::vector<std::string> workspaces;
};

// `call(diag)` returns the operation (deferred) that the loop awaits: no coroutine frame of
// its own, so each operation costs what a caller's co_await of it costs.
template <class Call>
asio::awaitable<void> worker(std::shared_ptr<sdk_state> /*kept alive while the worker runs*/, worker_context& context,
                             Call call)
{
    slack::diagnostics diag;
    while (clock::now() < context.stop_at) {
        const auto start = clock::now();
        auto r = co_await call(diag);
        if (!r) {
            ++context.failures;
            continue;
        }
        if (start >= context.measure_from)
            context.latencies_us.push_back(std::chrono::duration<double, std::micro>(clock::now() - start).count());
    }
    --context.workers_left;
}

asio::awaitable<void> worker_for(std::shared_ptr<sdk_state> state, worker_context& context)
{
    const target& where = context.where;
    web::client& client = state->client;
    switch (context.what.op) {
    case operation::oauth_access: {
        web::access_params params{
            .client_id = where.client_id, .client_secret = where.client_secret, .code = where.code};
        return worker(state, context,
                      [oauth = web::oauth(client), params](auto& diag) mutable { return oauth.access(params, diag); });
    }
    case operation::oauth_v2_access: {
        web::v2_access_params params{
            .client_id = where.client_id, .client_secret = where.client_secret, .code = where.code};
        return worker(state, context, [oauth = web::oauth(client), params](auto& diag) mutable {
            return oauth.v2_access(params, diag);
        });
    }
    case operation::auth_test:
        return worker(state, context,
                      [auth = web::auth(client), token = std::string_view(where.token)](auto& diag) mutable {
                          return auth.test({.token = token}, diag);
                      });
    case operation::auth_test_call:
        return worker(state, context,
                      [&client, token = std::string_view(where.token),
                       key = std::string_view(context.what.rate_keyed ? "T0MOCKTEAM" : "")](auto& diag) {
                          return client.call("auth.test", {.rate_key = key}, token, diag);
                      });
    case operation::chat_post_message:
        return worker(state, context, [&client, &s = *state, &sent = workload()](auto& diag) {
            const std::size_t k = s.next_call++;
            return client.call("chat.postMessage",
                               {.json = sent.bodies[k % sent.bodies.size()], .rate_key = s.workspace_of_call(k)},
                               sent.tokens[k % sent.tokens.size()], diag);
        });
    }
    throw std::logic_error("unknown operation");
}

}  // namespace

std::shared_ptr<void> spawn_sdk_workers(asio::io_context& ioc, worker_context& context)
{
    auto state = std::make_shared<sdk_state>(ioc, context.where, context.what);
    for (unsigned i = 0; i < context.what.in_flight; ++i)
        asio::co_spawn(ioc, worker_for(state, context), asio::detached);
    return state;
}

}  // namespace bench
