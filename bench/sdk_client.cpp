// The SDK under test: web::oauth::access, with its defaults (retry policy, pool, JSON mapping,
// diagnostics), from `in_flight` coroutines sharing one client.
#include "load.hpp"

#include <slack/slack.hpp>


#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

namespace bench {

namespace asio = boost::asio;
namespace web = slack::web;

namespace {

struct sdk_state {
    sdk_state(asio::io_context& ioc, const target& where, const scenario& what)
        : tls(std::make_shared<asio::ssl::context>(web::make_tls_context())),
          client(ioc.get_executor(), tls, options_for(where, what))
    {
    }

    web::client_options options_for(const target& where, const scenario& what)
    {
        tls->add_certificate_authority(asio::buffer(where.ca_pem));
        web::client_options options;
        options.api_url = "https://" + where.host + ":" + std::to_string(where.port) + "/api/";
        options.max_connections = what.in_flight;
        if (what.mode != connection_mode::keep_alive)
            options.idle_timeout = std::chrono::milliseconds(0);  // never reuse: a new connection per call
        options.resume_tls_sessions = what.mode == connection_mode::resumption;
        return options;
    }

    std::shared_ptr<asio::ssl::context> tls;
    web::client client;
};

asio::awaitable<void> worker(std::shared_ptr<sdk_state> state, worker_context& context)
{
    web::oauth oauth(state->client);
    web::access_params params;
    params.client_id = context.where.client_id;
    params.client_secret = context.where.client_secret;
    params.code = context.where.code;
    slack::diagnostics diag;
    while (clock::now() < context.stop_at) {
        const auto start = clock::now();
        auto r = co_await oauth.access(params, diag);
        if (!r) {
            ++context.failures;
            continue;
        }
        if (start >= context.measure_from)
            context.latencies_us.push_back(std::chrono::duration<double, std::micro>(clock::now() - start).count());
    }
}

}  // namespace

std::shared_ptr<void> spawn_sdk_workers(asio::io_context& ioc, worker_context& context)
{
    auto state = std::make_shared<sdk_state>(ioc, context.where, context.what);
    for (unsigned i = 0; i < context.what.in_flight; ++i)
        asio::co_spawn(ioc, worker(state, context), asio::detached);
    return state;
}

}  // namespace bench
