// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The asynchronous Redis connection against real servers: pipelining in order, the deadline of a
// request to a paused server, reconnecting after a restart, AUTH and SELECT (plain and over TLS),
// the server's certificate checked, and URLs.
#include "redis/connection.hpp"
#include "redis/errc.hpp"
#include "redis/redis_fixture.hpp"
#include "store/run.hpp"

#include <slack/web/redis_limiter.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <optional>
#include <random>
#include <vector>

namespace asio = boost::asio;
namespace redis = slack::redis;
using namespace std::chrono_literals;

namespace {

redis::server_address address_of(const std::string& url)
{
    auto parsed = redis::parse_url(url);
    BOOST_REQUIRE(parsed);
    return *parsed;
}

// Fast retries, so that a test sees the server back within a fraction of a second.
redis::connection_options quick()
{
    redis::connection_options o;
    o.connect_timeout = 500ms;
    o.min_backoff = 10ms;
    o.max_backoff = 100ms;
    return o;
}

// quick(), trusting `tls` for a rediss:// URL.
redis::connection_options quick(std::shared_ptr<asio::ssl::context> tls)
{
    auto o = quick();
    o.tls = std::move(tls);
    return o;
}

// Not a coroutine (GCC 12 rejects a braced list in one): the command is formatted before it
// returns.
template <class... Words>
asio::awaitable<std::tuple<boost::system::error_code, redis::reply>> ask_within(redis::connection& c,
                                                                                std::chrono::milliseconds within,
                                                                                const Words&... words)
{
    return c.request({std::string_view(words)...}, redis::clock::now() + within, asio::as_tuple(asio::use_awaitable));
}

template <class... Words>
asio::awaitable<std::tuple<boost::system::error_code, redis::reply>> ask(redis::connection& c, const Words&... words)
{
    return ask_within(c, 2s, words...);
}

// Asks PING until it answers, for at most `limit`.
asio::awaitable<bool> answers_within(redis::connection& c, std::chrono::milliseconds limit)
{
    asio::steady_timer pause(co_await asio::this_coro::executor);
    const auto until = redis::clock::now() + limit;
    while (redis::clock::now() < until) {
        auto [ec, r] = co_await ask_within(c, 200ms, "PING");
        if (!ec && r.text == "PONG")
            co_return true;
        pause.expires_after(20ms);
        co_await pause.async_wait(asio::use_awaitable);
    }
    co_return false;
}

std::string random_name(const char* prefix)
{
    std::random_device entropy;
    return prefix + std::to_string(std::uniform_int_distribution<unsigned long>{}(entropy));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(redis_url)

BOOST_AUTO_TEST_CASE(parses_user_password_port_and_database)
{
    auto a = redis::parse_url("redis://app:s%40cret@127.0.0.1:6380/3");
    BOOST_REQUIRE(a);
    BOOST_TEST(a->host == "127.0.0.1");
    BOOST_TEST(a->port == 6380);
    BOOST_TEST(a->user == "app");
    BOOST_TEST(a->password == "s@cret");
    BOOST_TEST(a->has_password);
    BOOST_TEST(a->database == 3u);

    BOOST_TEST(!a->tls);

    auto plain = redis::parse_url("redis://localhost");
    BOOST_REQUIRE(plain);
    BOOST_TEST(plain->port == 6379);
    BOOST_TEST(!plain->has_password);
    BOOST_TEST(plain->database == 0u);

    auto tls = redis::parse_url("rediss://:pw@cache.example:6380/1");
    BOOST_REQUIRE(tls);
    BOOST_TEST(tls->tls);
    BOOST_TEST(tls->host == "cache.example");
    BOOST_TEST(tls->port == 6380);
    BOOST_TEST(tls->user.empty());
    BOOST_TEST(tls->password == "pw");
    BOOST_TEST(tls->database == 1u);
    BOOST_TEST(redis::parse_url("rediss://cache.example")->port == 6379);
}

BOOST_AUTO_TEST_CASE(refuses_what_is_not_a_redis_url)
{
    for (const char* bad : {"", "127.0.0.1:6379", "http://127.0.0.1", "redis://", "redis://h:0", "redis://h/x",
                            "redis://h/1/2", "redis://h?db=1", "rediss://", "redisss://h", "rediss://h/x"})
        BOOST_TEST((redis::parse_url(bad).error() == redis::errc::bad_url), bad);
    const auto message = make_error_code(redis::errc::bad_url).message();
    BOOST_TEST(message.find("redis[s]://") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(redis_connection)

BOOST_AUTO_TEST_CASE(pipelined_requests_are_answered_in_order)
{
    asio::io_context io;
    redis::connection c(io.get_executor(), address_of(slack::test::redis_url()));
    constexpr int count = 500;
    std::vector<int> order;
    int wrong = 0;
    for (int i = 0; i < count; ++i) {
        const std::string word = std::to_string(i);
        c.request({"ECHO", word}, redis::clock::now() + 5s, [&, i](boost::system::error_code ec, redis::reply r) {
            if (ec || r.text != std::to_string(i))
                ++wrong;
            order.push_back(i);
            if (order.size() == count)
                c.close();
        });
    }
    io.run_for(10s);
    BOOST_TEST(wrong == 0);
    BOOST_REQUIRE(order.size() == std::size_t(count));
    for (int i = 0; i < count; ++i)
        BOOST_TEST(order[i] == i);
}

BOOST_AUTO_TEST_CASE(a_paused_server_makes_requests_time_out_then_answers_again)
{
    slack::test::redis_server server;
    asio::io_context io;
    redis::connection c(io.get_executor(), address_of(server.url()), quick());
    auto body = [&]() -> asio::awaitable<void> {
        BOOST_TEST(co_await answers_within(c, 2s));
        server.pause();
        const auto asked = redis::clock::now();
        auto [ec, r] = co_await ask_within(c, 200ms, "PING");
        const auto waited = redis::clock::now() - asked;
        BOOST_TEST((ec == redis::errc::timeout), ec.message());
        BOOST_TEST((waited >= 190ms && waited < 1s));
        server.resume();
        BOOST_TEST(co_await answers_within(c, 3s));
        c.close();
    };
    slack::test::run(io, body, 20s);
}

// Over TLS too: each connection makes a TLS stream of its own (one closed cannot be used again).
BOOST_DATA_TEST_CASE(reconnects_after_a_restart_and_fails_fast_while_down, boost::unit_test::data::make({false, true}),
                     tls)
{
    slack::test::redis_server server(tls);
    asio::io_context io;
    redis::connection c(io.get_executor(), address_of(server.url()), quick(server.trust()));
    auto body = [&]() -> asio::awaitable<void> {
        BOOST_TEST(co_await answers_within(c, 2s));
        BOOST_TEST(c.connected());
        server.stop();
        // The dropped connection is seen by the next request at the latest.
        auto [first, r1] = co_await ask_within(c, 1s, "PING");
        BOOST_TEST((first == redis::errc::unreachable), first.message());
        const auto asked = redis::clock::now();
        auto [down, r2] = co_await ask_within(c, 1s, "PING");
        BOOST_TEST((down == redis::errc::unreachable), down.message());
        BOOST_TEST((redis::clock::now() - asked < 200ms));  // not held until the deadline
        BOOST_TEST(!c.connected());
        server.restart();
        BOOST_TEST(co_await answers_within(c, 3s));
        BOOST_TEST(c.connected());
        c.close();
    };
    slack::test::run(io, body, 20s);
}

const char* plain_and_tls[] = {"SLACK_TEST_REDIS", "SLACK_TEST_REDIS_TLS"};

BOOST_DATA_TEST_CASE(auth_with_a_user_and_a_refused_password, boost::unit_test::data::make(plain_and_tls), server)
{
    const std::string url = slack::test::redis_url(server);
    const std::string scheme = url.substr(0, url.find(':'));
    const auto options = quick(slack::test::trust_for(url));
    const auto user = random_name("slack_test_");
    const std::string password = "pw-" + random_name("");
    asio::io_context io;
    auto body = [&]() -> asio::awaitable<void> {
        {
            redis::connection admin(io.get_executor(), address_of(url), options);
            const std::string secret = ">" + password;
            auto [ec, r] = co_await ask(admin, "ACL", "SETUSER", user, "on", secret, "~*", "+@all");
            BOOST_TEST(!ec);
            BOOST_TEST(r.text == "OK");
        }
        const auto port = url.substr(url.rfind(':'));
        {
            redis::connection good(io.get_executor(),
                                   address_of(scheme + "://" + user + ":" + password + "@127.0.0.1" + port + "/2"),
                                   options);
            auto [ec, r] = co_await ask(good, "PING");
            BOOST_TEST(!ec);
            BOOST_TEST(r.text == "PONG");
        }
        {
            const std::string wrong = "wrong-" + password;
            redis::connection bad(io.get_executor(),
                                  address_of(scheme + "://" + user + ":" + wrong + "@127.0.0.1" + port), options);
            auto [ec, r] = co_await ask(bad, "PING");
            BOOST_TEST((ec == redis::errc::auth_refused), ec.message());
            BOOST_TEST(ec.message().find(wrong) == std::string::npos);
            BOOST_TEST(ec.message().find("AUTH") != std::string::npos);
        }
        {
            redis::connection no_such_db(io.get_executor(), address_of(scheme + "://127.0.0.1" + port + "/100000"),
                                         options);
            auto [ec, r] = co_await ask(no_such_db, "PING");
            BOOST_TEST((ec == redis::errc::select_refused), ec.message());
        }
        redis::connection admin(io.get_executor(), address_of(url), options);
        co_await ask(admin, "ACL", "DELUSER", user);
    };
    slack::test::run(io, body, 20s);
}

// A paused server still accepts TCP connections: only its answer to the handshake's PING makes
// the connection ready. Closed during that handshake, it ends at once.
BOOST_AUTO_TEST_CASE(a_paused_server_is_not_connected_and_close_ends_the_handshake)
{
    slack::test::redis_server server;
    server.pause();
    asio::io_context io;
    auto o = quick();
    o.connect_timeout = 5s;
    redis::connection c(io.get_executor(), address_of(server.url()), o);
    auto body = [&]() -> asio::awaitable<void> {
        asio::steady_timer pause(co_await asio::this_coro::executor, 200ms);
        co_await pause.async_wait(asio::use_awaitable);
        BOOST_TEST(!c.connected());
        const auto asked = redis::clock::now();
        asio::post(co_await asio::this_coro::executor, [&] { c.close(); });
        auto [ec, r] = co_await ask_within(c, 3s, "PING");
        BOOST_TEST((ec == redis::errc::closed), ec.message());
        BOOST_TEST((redis::clock::now() - asked < 100ms));
    };
    slack::test::run(io, body, 10s);
    server.resume();
}

BOOST_AUTO_TEST_CASE(a_closed_connection_refuses_requests)
{
    asio::io_context io;
    redis::connection c(io.get_executor(), address_of(slack::test::redis_url()));
    c.close();
    auto body = [&]() -> asio::awaitable<void> {
        auto [ec, r] = co_await ask(c, "PING");
        BOOST_TEST((ec == redis::errc::closed), ec.message());
    };
    slack::test::run(io, body, 10s);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(redis_tls)

namespace {

// How a first PING over a new connection ends, and how long it took.
struct first_ping {
    boost::system::error_code ec;
    std::chrono::steady_clock::duration took;
};

asio::awaitable<first_ping> ping_once(const std::string& url, redis::connection_options options)
{
    redis::connection c(co_await asio::this_coro::executor, address_of(url), std::move(options));
    const auto asked = redis::clock::now();
    auto [ec, r] = co_await ask_within(c, 3s, "PING");
    BOOST_TEST((ec || r.text == "PONG"));
    BOOST_TEST_MESSAGE(url.substr(0, url.find(':'))
                       << " to port " << address_of(url).port << ": " << (ec ? ec.message() : "PONG"));
    co_return first_ping{ec, redis::clock::now() - asked};
}

// The port of a URL, with its colon.
std::string port_of(const std::string& url) { return url.substr(url.rfind(':')); }

}  // namespace

// The peer is always verified against the URL's host: a CA that did not sign the server's
// certificate is refused, even in a context that asks for no verification; a certificate made
// for 127.0.0.1 is refused for "localhost". tls_failed, at once, and never naming the password.
BOOST_AUTO_TEST_CASE(the_certificate_is_checked_for_the_host)
{
    const std::string url = slack::test::redis_url("SLACK_TEST_REDIS_TLS");
    const std::string ca = slack::test::redis_url("SLACK_TEST_REDIS_TLS_CA");
    slack::test::redis_server other(true);  // only for its CA, another one
    auto lax = slack::test::trusting(other.ca());
    lax->set_verify_mode(asio::ssl::verify_none);
    asio::io_context io;
    auto body = [&]() -> asio::awaitable<void> {
        const auto trusted = co_await ping_once(url, quick(slack::test::trusting(ca)));
        BOOST_TEST(!trusted.ec, trusted.ec.message());

        const std::string with_password = "rediss://:secret-pw@127.0.0.1" + port_of(url);
        for (const auto& context : {slack::test::trusting(other.ca()), lax}) {
            const auto untrusted = co_await ping_once(with_password, quick(context));
            BOOST_TEST((untrusted.ec == redis::errc::tls_failed), untrusted.ec.message());
            BOOST_TEST((untrusted.took < 400ms));
            BOOST_TEST(untrusted.ec.message().find("secret-pw") == std::string::npos);
        }
        const auto other_host =
            co_await ping_once("rediss://localhost" + port_of(url), quick(slack::test::trusting(ca)));
        BOOST_TEST((other_host.ec == redis::errc::tls_failed), other_host.ec.message());
    };
    slack::test::run(io, body, 20s);
}

// Without a context of one's own, the system's CAs are trusted, or $SSL_CERT_FILE (as the CLI's
// --rate-limits rediss://... is told of a private CA).
BOOST_AUTO_TEST_CASE(the_default_context_trusts_ssl_cert_file)
{
    const std::string url = slack::test::redis_url("SLACK_TEST_REDIS_TLS");
    const std::string ca = slack::test::redis_url("SLACK_TEST_REDIS_TLS_CA");
    const char* before = std::getenv("SSL_CERT_FILE");
    const std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
    asio::io_context io;
    auto body = [&]() -> asio::awaitable<void> {
        ::unsetenv("SSL_CERT_FILE");
        const auto system = co_await ping_once(url, quick());
        BOOST_TEST((system.ec == redis::errc::tls_failed), system.ec.message());
        ::setenv("SSL_CERT_FILE", ca.c_str(), 1);
        const auto from_env = co_await ping_once(url, quick());
        BOOST_TEST(!from_env.ec, from_env.ec.message());
    };
    slack::test::run(io, body, 20s);
    if (saved)
        ::setenv("SSL_CERT_FILE", saved->c_str(), 1);
    else
        ::unsetenv("SSL_CERT_FILE");
}

// The wrong scheme for the port ends by the connect timeout, never hangs: plain commands to a
// TLS server (which drops the connection), or a TLS handshake with a plain server.
BOOST_AUTO_TEST_CASE(the_wrong_scheme_for_the_port_fails_within_the_connect_timeout)
{
    const std::string tls_url = slack::test::redis_url("SLACK_TEST_REDIS_TLS");
    const std::string plain_url = slack::test::redis_url("SLACK_TEST_REDIS");
    const std::string ca = slack::test::redis_url("SLACK_TEST_REDIS_TLS_CA");
    asio::io_context io;
    auto body = [&]() -> asio::awaitable<void> {
        const auto plain_to_tls = co_await ping_once("redis://127.0.0.1" + port_of(tls_url), quick());
        BOOST_TEST((plain_to_tls.ec == redis::errc::unreachable || plain_to_tls.ec == redis::errc::timeout),
                   plain_to_tls.ec.message());
        BOOST_TEST((plain_to_tls.took < 700ms));
        const auto tls_to_plain =
            co_await ping_once("rediss://127.0.0.1" + port_of(plain_url), quick(slack::test::trusting(ca)));
        BOOST_TEST((tls_to_plain.ec == redis::errc::tls_failed || tls_to_plain.ec == redis::errc::timeout),
                   tls_to_plain.ec.message());
        BOOST_TEST((tls_to_plain.took < 700ms));
    };
    slack::test::run(io, body, 20s);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(redis_tls_batches)

namespace {

// Redis's count of reads from its clients (INFO stats): over TLS, one per record it takes in.
asio::awaitable<long> reads_processed(redis::connection& c)
{
    auto [ec, r] = co_await ask(c, "INFO", "stats");
    BOOST_REQUIRE(!ec);
    const std::string field = "total_reads_processed:";
    const auto at = r.text.find(field);
    BOOST_REQUIRE(at != std::string::npos);
    co_return std::stol(r.text.substr(at + field.size()));
}

}  // namespace

// Over TLS, Redis takes in one TLS record per turn of its event loop: with requests written one
// per record, a connection carrying many callers (a limiter's) gets one request served per turn.
// While written requests await their replies, new ones wait and go together.
BOOST_AUTO_TEST_CASE(requests_made_while_others_await_replies_share_a_tls_record)
{
    slack::test::redis_server server(true);
    asio::io_context io;
    redis::connection admin(io.get_executor(), address_of(server.url()), quick(server.trust()));
    slack::web::rate_limits limits;
    limits.set("test.method", {.per_minute = 600000, .burst = 100000000});  // paced, never waits
    slack::web::redis_limiter_options o;
    o.tls = server.trust();
    o.acquire_deadline = 2s;
    auto limiter = slack::web::open_limiter(server.url(), io.get_executor(), limits, o).value();
    constexpr int callers = 64;
    constexpr int rounds = 30;
    int finished = 0;
    int local = 0;
    auto caller = [&](int n) -> asio::awaitable<void> {
        for (int r = 0; r < rounds; ++r) {
            const std::string workspace = "T" + std::to_string(n * rounds + r);
            const slack::web::rate_key key{workspace, "test.method", "", false};
            auto g = co_await limiter->acquire(key, redis::clock::now() + 10s, asio::use_awaitable);
            local += !g || !g->shared;
        }
        ++finished;
    };
    auto body = [&]() -> asio::awaitable<void> {
        BOOST_TEST(co_await answers_within(admin, 2s));
        const long before = co_await reads_processed(admin);
        for (int i = 0; i < callers; ++i)
            asio::co_spawn(io, caller(i), asio::detached);
        asio::steady_timer poll(co_await asio::this_coro::executor);
        while (finished < callers) {
            poll.expires_after(5ms);
            co_await poll.async_wait(asio::use_awaitable);
        }
        const long reads = co_await reads_processed(admin) - before;
        BOOST_TEST_MESSAGE(callers * rounds << " requests in " << reads << " reads");
        BOOST_TEST(local == 0);
        BOOST_TEST(reads < callers * rounds / 4, callers * rounds << " requests in " << reads << " reads");
        limiter.reset();
        admin.close();
    };
    slack::test::run(io, body, 20s);
}

BOOST_AUTO_TEST_SUITE_END()
