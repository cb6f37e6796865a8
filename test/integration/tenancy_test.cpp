// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Many workspaces on one client: what one tenant sends or suffers never reaches another. A token
// that would smuggle a second request is refused before anything is sent; rate-limit gates are
// per method and workspace, live as long as a call holds them, and are checked again after a
// new connection opens; a policy never gets a spent credential re-sent.
#include "integration/mock_fixture.hpp"

#include <slack/condition.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

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
using auth_result = web::method_result<web::auth_test>;
using call_result = boost::system::result<web::api_response>;

std::string why(const auth_result& r) { return r ? "ok" : r.error().message(); }

// Requests that reached the mock with this bearer token (exchanges() does not count those
// a rate-limit window refused before reading their credential).
std::size_t requests_with_token(const slack::mock::server& server, const std::string& token)
{
    const std::string header = "Bearer " + token;
    std::size_t n = 0;
    for (const slack::mock::recorded_request& r : server.requests())
        n += r.authorization == header;
    return n;
}

// Events of one call, by kind, counted.
struct event_counts {
    std::vector<web::call_event::kind> seen;
    std::size_t of(kind k) const { return static_cast<std::size_t>(std::count(seen.begin(), seen.end(), k)); }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tenancy, mock_fixture)

BOOST_AUTO_TEST_CASE(a_token_that_would_smuggle_a_request_is_refused_and_tenants_keep_their_answers)
{
    options.max_connections = 1;  // every call on the same connection
    web::client client(ioc.get_executor(), tls, options);
    const slack::mock::minted_tokens tenant_b = server.mint_tokens();
    const slack::mock::minted_tokens tenant_c = server.mint_tokens();
    // Tenant A's "token" ends the header and appends an auth.test of tenant B's.
    const std::string smuggler =
        "x\r\nContent-Length: 0\r\n\r\nPOST /api/auth.test HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Authorization: Bearer " +
        tenant_b.access_token + "\r\nX-Pad: a";
    std::optional<auth_result> a, b, c, b_alone, c_alone;
    slack::diagnostics diag_a;
    asio::co_spawn(
        ioc,
        [&]() -> asio::awaitable<void> {
            a.emplace(co_await web::auth(client).test({.token = smuggler}, diag_a));
            b.emplace(co_await web::auth(client).test({.token = tenant_b.access_token}));
            c.emplace(co_await web::auth(client).test({.token = tenant_c.access_token}));
        },
        asio::detached);
    run_until([&] { return c.has_value(); });
    BOOST_REQUIRE(!a->has_value());
    BOOST_TEST((a->error() == client_errc::invalid_argument));
    BOOST_TEST(diag_a.client_message.find("control character") != std::string::npos);
    BOOST_TEST(diag_a.client_message.find(tenant_b.access_token) == std::string::npos);
    BOOST_TEST(server.exchanges(tenant_b.access_token) == 1u);  // B's own call only: nothing smuggled
    BOOST_REQUIRE_MESSAGE(b->has_value(), why(*b));
    BOOST_REQUIRE_MESSAGE(c->has_value(), why(*c));

    // Each tenant's answer is its own: the same user ids as on a client of its own.
    web::client fresh_b(ioc.get_executor(), tls, options), fresh_c(ioc.get_executor(), tls, options);
    web::auth(fresh_b).test({.token = tenant_b.access_token}, [&](auth_result r) { b_alone.emplace(std::move(r)); });
    web::auth(fresh_c).test({.token = tenant_c.access_token}, [&](auth_result r) { c_alone.emplace(std::move(r)); });
    run_until([&] { return b_alone && c_alone; });
    BOOST_REQUIRE(b_alone->has_value() && c_alone->has_value());
    BOOST_TEST((*b)->user_id() == (*b_alone)->user_id());
    BOOST_TEST((*c)->user_id() == (*c_alone)->user_id());
    BOOST_TEST((*b)->user_id() != (*c)->user_id());
}

BOOST_AUTO_TEST_CASE(every_byte_that_cannot_be_in_a_header_word_is_refused_before_sending)
{
    web::client client(ioc.get_executor(), tls, options);
    std::vector<char> forbidden;
    for (int byte = 0; byte < 0x21; ++byte)
        forbidden.push_back(static_cast<char>(byte));
    forbidden.push_back(0x7f);
    std::size_t refused = 0, answered = 0;
    for (const char byte : forbidden) {
        const std::string token = std::string("xoxb-1") + byte + "2";  // copied at initiation
        web::auth(client).test({.token = token}, [&](auth_result r) {
            ++answered;
            if (!r && r.error() == client_errc::invalid_argument)
                ++refused;
        });
        const std::string method = std::string("auth.te") + byte + "st";
        client.call(method, {}, "xoxb-12", [&](call_result r) {
            ++answered;
            if (!r && r.error() == client_errc::invalid_argument)
                ++refused;
        });
    }
    run_until([&] { return answered == 2 * forbidden.size(); });
    BOOST_TEST(refused == 2 * forbidden.size());
    BOOST_TEST(server.requests().empty());
    BOOST_TEST(client.stats().connections_opened == 0u);
}

BOOST_AUTO_TEST_CASE(one_workspace_rate_limit_does_not_hold_back_another)
{
    options.retry = slack::retry_policy::none();
    const std::string limited = "mock-ratelimit-1-5-tenant-a";  // a 429 with Retry-After: 5
    const slack::mock::minted_tokens tenant_b = server.mint_tokens();
    std::optional<auth_result> a, a_again, b;
    slack::diagnostics diag_a_again, diag_b;
    event_counts b_events;
    bool b_running = false;
    options.on_event = [&](const web::call_event& e) {
        if (b_running)
            b_events.seen.push_back(e.what);
    };
    web::client watched(ioc.get_executor(), tls, options);
    asio::co_spawn(
        ioc,
        [&]() -> asio::awaitable<void> {
            a.emplace(co_await web::auth(watched).test({.token = limited}));
            b_running = true;
            b.emplace(co_await web::auth(watched).test({.token = tenant_b.access_token}, diag_b));
            b_running = false;
            a_again.emplace(co_await web::auth(watched).test({.token = limited}, diag_a_again));
        },
        asio::detached);
    run_until([&] { return a_again.has_value(); });
    BOOST_REQUIRE(!a->has_value());
    BOOST_TEST((a->error() == api_errc::ratelimited));
    // B is another workspace: sent at once, answered, no wait at anyone's gate.
    BOOST_REQUIRE_MESSAGE(b->has_value(), why(*b));
    BOOST_TEST(diag_b.attempts == 1u);
    BOOST_TEST(b_events.of(kind::rate_limit_wait) == 0u);
    // A's second call shares A's window: refused by the gate, nothing sent.
    BOOST_REQUIRE(!a_again->has_value());
    BOOST_TEST((a_again->error() == api_errc::ratelimited));
    BOOST_TEST(requests_with_token(server, limited) == 1u);
    BOOST_TEST(diag_a_again.retry_after.has_value());
}

BOOST_AUTO_TEST_CASE(calls_naming_one_workspace_share_its_window_whatever_their_tokens)
{
    options.retry = slack::retry_policy::none();
    web::client client(ioc.get_executor(), tls, options);
    const slack::mock::minted_tokens other_token = server.mint_tokens();
    std::optional<auth_result> limited, same_workspace, other_workspace;
    asio::co_spawn(
        ioc,
        [&]() -> asio::awaitable<void> {
            limited.emplace(co_await web::auth(client).test({.token = "mock-ratelimit-1-5-named", .rate_key = "T1"}));
            same_workspace.emplace(
                co_await web::auth(client).test({.token = other_token.access_token, .rate_key = "T1"}));
            other_workspace.emplace(
                co_await web::auth(client).test({.token = other_token.access_token, .rate_key = "T2"}));
        },
        asio::detached);
    run_until([&] { return other_workspace.has_value(); });
    BOOST_TEST((limited->error() == api_errc::ratelimited));
    BOOST_REQUIRE(!same_workspace->has_value());
    BOOST_TEST((same_workspace->error() == api_errc::ratelimited));
    BOOST_TEST_MESSAGE("other workspace: " << why(*other_workspace));
    BOOST_TEST(other_workspace->has_value());
    BOOST_TEST(requests_with_token(server, other_token.access_token) == 1u);  // the gated call sent nothing
}

BOOST_AUTO_TEST_CASE(a_gate_held_by_a_call_survives_pruning_and_keeps_its_window)
{
    options.retry = slack::retry_policy::none();
    web::client client(ioc.get_executor(), tls, options);
    // 255 method names known to the client (the mock answers unknown_method).
    std::size_t named = 0;
    asio::co_spawn(
        ioc,
        [&]() -> asio::awaitable<void> {
            for (int i = 0; i < 255; ++i) {
                const std::string method = "mock.name" + std::to_string(i);
                (void)co_await client.call(method, {}, "mock-reusable");
                ++named;
            }
        },
        asio::detached);
    run_until([&] { return named == 255; }, 30s);

    // Now, concurrently: a call that meets a 429 and a 257th name (which prunes the gates).
    const std::string limited = "mock-ratelimit-1-5-pruned";
    std::optional<auth_result> hit, after;
    std::optional<call_result> newcomer;
    slack::diagnostics after_diag;
    web::auth(client).test({.token = limited}, [&](auth_result r) { hit.emplace(std::move(r)); });
    client.call("mock.name256", {}, "mock-reusable", [&](call_result r) { newcomer.emplace(std::move(r)); });
    run_until([&] { return hit && newcomer; });
    BOOST_TEST((hit->error() == api_errc::ratelimited));

    // The window the 429 opened is still known: the next call is refused without a request.
    web::auth(client).test({.token = limited}, after_diag, [&](auth_result r) { after.emplace(std::move(r)); });
    run_until([&] { return after.has_value(); });
    BOOST_REQUIRE(!after->has_value());
    BOOST_TEST((after->error() == api_errc::ratelimited));
    BOOST_TEST(after_diag.attempts == 0u);  // refused at the gate, not by the mock
    BOOST_TEST(requests_with_token(server, limited) == 1u);
}

BOOST_AUTO_TEST_CASE(a_call_opening_a_connection_while_a_429_arrives_does_not_send_into_the_window)
{
    // A is sent while B, started at that moment, opens a connection of its own: A's 429 arrives
    // during B's handshake. (Should the idle connection be dropped, both open one, and whichever
    // sends second is the one that must see the gate once its connection is open.)
    options.max_connections = 2;
    options.resume_tls_sessions = false;                       // B's handshake is a full one: A's answer comes first
    const std::string limited = "mock-ratelimit-1-1-opening";  // 429, Retry-After: 1, then success
    std::optional<auth_result> warm, a, b;
    std::size_t failed_attempts = 0, gate_waits = 0;
    web::client* self = nullptr;
    bool b_started = false;
    options.on_event = [&](const web::call_event& e) {
        if (!warm)
            return;
        failed_attempts += e.what == kind::attempt_failed;
        gate_waits += e.what == kind::rate_limit_wait;
        if (e.what == kind::attempt_started && !b_started) {
            b_started = true;
            web::auth(*self).test({.token = limited}, [&](auth_result r) { b.emplace(std::move(r)); });
        }
    };
    web::client client(ioc.get_executor(), tls, options);
    self = &client;
    web::auth(client).test({.token = "mock-reusable"}, [&](auth_result r) { warm.emplace(std::move(r)); });
    run_until([&] { return warm.has_value(); });
    web::auth(client).test({.token = limited}, [&](auth_result r) { a.emplace(std::move(r)); });
    run_until([&] { return a && b; });
    BOOST_REQUIRE(b_started);
    BOOST_TEST(client.stats().connections_opened >= 2u);  // B did not wait for A's connection
    BOOST_REQUIRE_MESSAGE(a->has_value(), why(*a));
    BOOST_REQUIRE_MESSAGE(b->has_value(), why(*b));
    // One 429, and nothing else sent into its window: the other call went back to the gate.
    BOOST_TEST(failed_attempts == 1u);
    BOOST_TEST(gate_waits >= 1u);
    BOOST_TEST(requests_with_token(server, limited) == 3u);  // the 429, then one success each
}

BOOST_AUTO_TEST_CASE(one_workspace_rate_limits_do_not_spend_the_retry_budget_of_the_others)
{
    // A budget for one retry: workspace A's waits for Retry-After must not spend it.
    options.budget = web::retry_budget{5, 5, 10, 0};
    web::client client(ioc.get_executor(), tls, options);
    std::optional<auth_result> a1, a2, b;
    slack::diagnostics diag_b;
    asio::co_spawn(
        ioc,
        [&]() -> asio::awaitable<void> {
            a1.emplace(co_await web::auth(client).test({.token = "mock-ratelimit-1-0-budget-a1", .rate_key = "TA"}));
            a2.emplace(co_await web::auth(client).test({.token = "mock-ratelimit-1-0-budget-a2", .rate_key = "TA"}));
            // B's 503 needs the one retry the budget holds.
            b.emplace(
                co_await web::auth(client).test({.token = "mock-status-503-1-budget-b", .rate_key = "TB"}, diag_b));
        },
        asio::detached);
    run_until([&] { return b.has_value(); });
    BOOST_TEST(a1->has_value());
    BOOST_TEST(a2->has_value());
    BOOST_TEST_MESSAGE("B: " << why(*b) << ", " << diag_b.client_message);
    BOOST_TEST(b->has_value());
    BOOST_TEST(diag_b.attempts == 2u);
}

BOOST_AUTO_TEST_CASE(no_policy_can_send_a_single_use_code_twice)
{
    std::vector<slack::attempt_info> asked;
    options.retry = [&](const slack::attempt_info& info) {
        asked.push_back(info);
        return slack::retry_decision{true, 0ms, "always"};  // a policy that retries whatever happened
    };
    const std::string code = "mock-close-always";  // spent, then the connection closes unanswered
    slack::diagnostics diag;
    const access_result r = access(params(code), diag);
    BOOST_REQUIRE(!r.has_value());
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST(server.exchanges(code) == 1u);
    BOOST_REQUIRE(asked.size() == 1u);
    // The policy is told what the attempt means, and what caused it.
    BOOST_TEST((asked[0].error == client_errc::outcome_unknown));
    BOOST_TEST((asked[0].underlying == client_errc::connection_closed));
}

BOOST_AUTO_TEST_CASE(client_call_of_a_spending_method_keeps_the_single_use_rule)
{
    options.retry = [](const slack::attempt_info&) { return slack::retry_decision{true, 0ms, "always"}; };
    web::client client(ioc.get_executor(), tls, options);
    const std::string code = "mock-close-untyped";
    const std::string& id = server.options().client_id;
    const std::string& secret = server.options().client_secret;
    std::optional<call_result> r;
    client.call("oauth.v2.access", {.form = {{"client_id", id}, {"client_secret", secret}, {"code", code}}}, {},
                [&](call_result out) { r.emplace(std::move(out)); });
    run_until([&] { return r.has_value(); });
    BOOST_REQUIRE(!r->has_value());
    BOOST_TEST((r->error() == client_errc::outcome_unknown));
    BOOST_TEST(server.exchanges(code) == 1u);
}

BOOST_AUTO_TEST_CASE(the_retries_md_policy_does_not_resend_a_code)
{
    // docs/retries.md's example shape: retry what is transient.
    options.retry = [](const slack::attempt_info& info) {
        if (info.error == slack::condition::transient)
            return slack::retry_decision{true, 0ms, "transient"};
        return slack::retry_policy::standard().decide(info);
    };
    const std::string code = "mock-close-transient";
    slack::diagnostics diag;
    const access_result r = access(params(code), diag);
    BOOST_TEST((r.error() == client_errc::outcome_unknown));
    BOOST_TEST(server.exchanges(code) == 1u);
}

BOOST_AUTO_TEST_CASE(an_idempotent_call_is_still_retried_after_an_unknown_outcome_by_a_willing_policy)
{
    std::vector<slack::attempt_info> asked;
    options.retry = [&](const slack::attempt_info& info) {
        asked.push_back(info);
        return slack::retry_policy::standard().decide(info);
    };
    web::client client(ioc.get_executor(), tls, options);
    std::optional<call_result> r;
    client.call("auth.test", {.idempotent = true}, "mock-status-500-1-idem",
                [&](call_result out) { r.emplace(std::move(out)); });
    run_until([&] { return r.has_value(); });
    BOOST_TEST(r->has_value());
    BOOST_REQUIRE(!asked.empty());
    BOOST_TEST((asked[0].error != client_errc::outcome_unknown));  // idempotent: told the plain error
}

BOOST_AUTO_TEST_CASE(max_connections_zero_is_refused_with_a_message)
{
    options.max_connections = 0;
    web::client client(ioc.get_executor(), tls, options);
    slack::diagnostics diag;
    std::optional<auth_result> r;
    web::auth(client).test({.token = "mock-reusable"}, diag, [&](auth_result out) { r.emplace(std::move(out)); });
    run_until([&] { return r.has_value(); }, 2s);
    BOOST_TEST((r->error() == client_errc::invalid_argument));
    BOOST_TEST(diag.client_message.find("max_connections") != std::string::npos);
    BOOST_TEST(server.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
