// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "tenants.hpp"

#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>

#include <random>
#include <string>
#include <vector>

namespace soak {

namespace asio = boost::asio;
namespace web = slack::web;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t workspaces = 100;
constexpr std::size_t limited_workspaces = 10;  // the first ten: a 429 with Retry-After 3 each
// A clean workspace's call takes milliseconds; one that waited for another's window would take
// its 3 s. Anything over this is a wait it should not have had.
constexpr auto clean_call_limit = 1500ms;

struct workspace {
    std::string name;     // its rate key, as an app would name its team
    std::string token;    // a minted bot token, or (limited) a magic word scripting one 429
    std::string user_id;  // whose token it is: learnt first, one call each
};

// The token of a malformed call: a workspace's token with a byte that cannot be in a header.
std::string malformed(const std::string& token, std::size_t i)
{
    constexpr char bytes[] = {'\r', '\n', ' ', '\t', '\0', 0x7f};
    std::string out = token;
    out.insert(out.size() / 2, 1, bytes[i % sizeof bytes]);
    if (i % 3 == 0)  // and now and then a whole smuggled request
        out += "\r\nContent-Length: 0\r\n\r\nPOST /api/auth.revoke HTTP/1.1\r\nX-Pad: a";
    return out;
}

// The mock keeps the io_context busy (it listens): run until `done`, or `limit`.
template <class Predicate>
void run_until(asio::io_context& ioc, Predicate done, std::chrono::seconds limit)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline)
        ioc.run_one_until(deadline);
}

}  // namespace

tenant_summary run_tenant_phase(std::size_t calls, std::size_t in_flight, std::size_t connections, std::uint64_t seed,
                                violations& found)
{
    tenant_summary summary;
    asio::io_context ioc(1);
    slack::mock::server mock(ioc.get_executor());
    mock.start();
    web::client_options options;
    options.api_url = mock.api_url();
    options.max_connections = connections;
    options.retry = slack::retry_policy::standard();  // waits out a 3 s Retry-After
    asio::ssl::context tls = web::make_tls_context();
    tls.add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));
    web::client client(ioc.get_executor(), std::move(tls), options);

    std::vector<workspace> tenants(workspaces);
    for (std::size_t w = 0; w < workspaces; ++w) {
        tenants[w].name = "T" + std::to_string(w);
        tenants[w].token = w < limited_workspaces
                               ? "mock-ratelimit-1-3-tenant" + std::to_string(w)
                               : mock.mint_tokens({.kind = slack::mock::token_kind::bot}).access_token;
    }
    std::mt19937_64 random(seed);
    struct planned {
        std::size_t tenant;
        bool malformed;
    };
    std::vector<planned> plan(calls);
    for (std::size_t i = 0; i < calls; ++i)
        plan[i] = {std::uniform_int_distribution<std::size_t>(0, workspaces - 1)(random),
                   std::uniform_int_distribution<unsigned>(0, 99)(random) < 5};

    const auto started = std::chrono::steady_clock::now();
    std::size_t next = 0, done = 0;
    auto worker = [&]() -> asio::awaitable<void> {
        // Learn whose each clean token is, one call each, before the mix starts.
        for (;;) {
            const std::size_t w = next++;
            if (w >= workspaces)
                break;
            if (w < limited_workspaces)
                continue;
            const std::string& token = tenants[w].token;
            auto who = co_await web::auth(client).test({.token = token, .rate_key = tenants[w].name});
            if (who)
                tenants[w].user_id = who->user_id();
            else
                found.add("tenants: learning " + tenants[w].name + "'s user failed: " + who.error().message());
        }
    };
    std::size_t learners = 0;
    for (std::size_t i = 0; i < in_flight; ++i)
        asio::co_spawn(ioc, worker(), [&](std::exception_ptr) { ++learners; });
    run_until(
        ioc, [&] { return learners == in_flight; }, 60s);
    if (learners != in_flight)
        found.add("tenants: learning the workspaces' users did not end");

    next = 0;
    auto caller = [&]() -> asio::awaitable<void> {
        for (;;) {
            const std::size_t i = next++;
            if (i >= calls)
                break;
            const workspace& tenant = tenants[plan[i].tenant];
            const bool limited = plan[i].tenant < limited_workspaces;
            const std::string token = plan[i].malformed ? malformed(tenant.token, i) : tenant.token;
            slack::diagnostics diag;
            const auto call_started = std::chrono::steady_clock::now();
            auto who = co_await web::auth(client).test({.token = token, .rate_key = tenant.name}, diag);
            const auto took =
                std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - call_started);
            ++done;
            if (plan[i].malformed) {
                ++summary.malformed;
                if (who || who.error() != slack::client_errc::invalid_argument)
                    found.add("tenants: a malformed token was not refused: call " + std::to_string(i));
                continue;
            }
            if (!who) {
                found.add("tenants: " + tenant.name + "'s call " + std::to_string(i) +
                          " failed: " + who.error().message());
                continue;
            }
            if (limited) {
                ++summary.limited;
                summary.slowest_limited = std::max(summary.slowest_limited, took);
                continue;
            }
            ++summary.clean;
            summary.slowest_clean = std::max(summary.slowest_clean, took);
            if (who->user_id() != tenant.user_id)
                found.add("tenants: " + tenant.name + " got " + std::string(who->user_id()) + "'s answer, call " +
                          std::to_string(i));
            if (diag.attempts != 1)
                found.add("tenants: " + tenant.name + "'s call " + std::to_string(i) + " took " +
                          std::to_string(diag.attempts) + " attempts");
            if (took > clean_call_limit)
                found.add("tenants: " + tenant.name + "'s call " + std::to_string(i) + " waited " +
                          std::to_string(took.count()) + " ms: another workspace's window held it back");
        }
    };
    std::size_t callers = 0;
    for (std::size_t i = 0; i < in_flight; ++i)
        asio::co_spawn(ioc, caller(), [&](std::exception_ptr) { ++callers; });
    run_until(
        ioc, [&] { return callers == in_flight; }, 120s);
    summary.calls = done;
    summary.elapsed = std::chrono::steady_clock::now() - started;
    if (callers != in_flight || done != calls)
        found.add("tenants: " + std::to_string(done) + " of " + std::to_string(calls) + " calls ended");
    // Every request the mock saw: the learning calls, the clean and limited calls with their
    // retries. A malformed token never reached it.
    for (const slack::mock::recorded_request& r : mock.requests()) {
        if (r.code.find_first_of(std::string_view("\r\n \t\x7f\0", 6)) != std::string::npos)
            found.add("tenants: a malformed token reached the mock");
        if (r.target != "/api/auth.test")  // the smuggled auth.revoke, had it gone out
            found.add("tenants: a request the phase never made reached the mock: " + r.target);
    }
    mock.stop();
    ioc.run_for(2s);  // closed connections finish; bounded
    return summary;
}

}  // namespace soak
