// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A whole install through the example install server (examples/install_server) on SQLite, with
// an HTTP client that follows the redirects and carries the cookie as a browser would: the
// server's start page, the mock's authorize page, the callback; then a call with the stored
// token, and the uninstall event (a forged one first, which changes nothing).
#include "integration/mock_fixture.hpp"

#include "install_server.hpp"

#include <slack/install/request_signature.hpp>
#include <slack/store/sqlite_store.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

using namespace slack;
using namespace slack::test;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using http_response = http::response<http::string_body>;

namespace {

const std::string signing_secret = "the app's signing secret, for events";
const std::string admin_token = "an operator's token for the whoami page";
const std::string admin = "Bearer " + admin_token;

// One request, as a browser (or Slack) would send it, over TLS for https:// URLs.
asio::awaitable<http_response> fetch(asio::ssl::context& tls, std::string url, http::verb verb = http::verb::get,
                                     std::string cookie = {}, std::string body = {},
                                     std::vector<std::pair<std::string, std::string>> headers = {})
{
    auto where = boost::urls::parse_uri(url).value();
    const auto executor = co_await asio::this_coro::executor;
    tcp::endpoint endpoint(asio::ip::make_address(where.host()), static_cast<unsigned short>(where.port_number()));
    http::request<http::string_body> req{verb, std::string(where.encoded_target()), 11};
    req.set(http::field::host, where.host());
    if (!cookie.empty())
        req.set(http::field::cookie, cookie);
    for (auto& [name, value] : headers)
        req.set(name, value);
    req.body() = std::move(body);
    req.prepare_payload();
    beast::flat_buffer buffer;
    http_response res;
    if (where.scheme() == "https") {
        asio::ssl::stream<beast::tcp_stream> stream(executor, tls);
        co_await beast::get_lowest_layer(stream).async_connect(endpoint, asio::use_awaitable);
        co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
        co_await http::async_write(stream, req, asio::use_awaitable);
        co_await http::async_read(stream, buffer, res, asio::use_awaitable);
    } else {
        beast::tcp_stream stream(executor);
        co_await stream.async_connect(endpoint, asio::use_awaitable);
        co_await http::async_write(stream, req, asio::use_awaitable);
        co_await http::async_read(stream, buffer, res, asio::use_awaitable);
    }
    co_return res;
}

struct install_server_fixture : mock_fixture {
    explicit install_server_fixture(std::string rate_limits = {})
        : path(std::filesystem::temp_directory_path() / ("slack-install-" + std::to_string(::getpid()) + ".db")),
          store(ioc.get_executor(), {.path = path.string()}),
          app(ioc.get_executor(), store,
              {.client_id = server.options().client_id,
               .client_secret = server.options().client_secret,
               .state_secret = "the state secret every replica shares, 32+ bytes",
               .signing_secret = signing_secret,
               .scope = "chat:write,commands",
               .user_scope = {},
               .api_url = server.api_url(),
               .authorize_base = server.base_url(),
               .ca_pem = server.ca_certificate_pem(),
               .public_url = {},
               .port = 0,
               .admin_token = admin_token,
               .rate_limits = std::move(rate_limits)})
    {
        app.start();
        base = "http://127.0.0.1:" + std::to_string(app.port());
    }
    ~install_server_fixture()
    {
        app.stop();
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(path.string() + suffix, ignored);
    }

    http_response get(std::string url, http::verb verb = http::verb::get, std::string cookie = {},
                      std::string body = {}, std::vector<std::pair<std::string, std::string>> headers = {})
    {
        std::optional<http_response> out;
        asio::co_spawn(ioc, fetch(*tls, std::move(url), verb, std::move(cookie), std::move(body), std::move(headers)),
                       [&](std::exception_ptr failure, http_response r) {
                           BOOST_REQUIRE(!failure);
                           out.emplace(std::move(r));
                       });
        run_until([&] { return out.has_value(); });
        return std::move(*out);
    }

    http_response event(const std::string& body, const std::string& secret)
    {
        const std::string timestamp = std::to_string(
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count());
        return get(base + "/slack/events", http::verb::post, {}, body,
                   {{"X-Slack-Request-Timestamp", timestamp},
                    {"X-Slack-Signature", install::sign_request(secret, timestamp, body)},
                    {"Content-Type", "application/json"}});
    }

    http_response who_is(std::string url)
    {
        return get(std::move(url), http::verb::get, {}, {}, {{"Authorization", admin}});
    }

    // The browser's part of an install: start, approve on Slack's page, come back with the cookie.
    http_response install()
    {
        const http_response start = get(base + "/slack/install");
        BOOST_REQUIRE(start.result() == http::status::found);
        const std::string set_cookie(start[http::field::set_cookie]);
        const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
        const http_response slack_page = get(std::string(start[http::field::location]));
        BOOST_REQUIRE(slack_page.result() == http::status::found);
        const std::string back(slack_page[http::field::location]);
        BOOST_REQUIRE(back.starts_with(base + "/slack/oauth_redirect?"));
        return get(back, http::verb::get, cookie);
    }

    std::filesystem::path path;
    store::sqlite_store store;
    example::install_server app;
    std::string base;
};

// The server's client paced by --rate-limits: through Redis when scripts/test started one.
std::string test_rate_limits()
{
    const char* redis = std::getenv("SLACK_TEST_REDIS");
    return redis && *redis ? redis : "local";
}

struct rate_limited_fixture : install_server_fixture {
    rate_limited_fixture() : install_server_fixture(test_rate_limits()) {}
};

const std::string uninstalled =
    R"({"type":"event_callback","team_id":"T0MOCKTEAM","api_app_id":"A0MOCKAPP","event":{"type":"app_uninstalled"},"event_id":"Ev1","event_time":1})";

}  // namespace

BOOST_AUTO_TEST_SUITE(install_server_end_to_end)

BOOST_FIXTURE_TEST_CASE(an_install_works_then_a_signed_uninstall_removes_it, install_server_fixture)
{
    const http_response installed = install();
    BOOST_TEST(installed.result() == http::status::ok);
    BOOST_TEST(installed.body() == "installed in T0MOCKTEAM\n");
    BOOST_TEST(std::string(installed[http::field::set_cookie]).find("Max-Age=0") != std::string::npos);

    const http_response who = who_is(base + "/slack/whoami?team=T0MOCKTEAM");
    BOOST_TEST(who.result() == http::status::ok);
    BOOST_TEST(who.body().find(R"("team_id":"T0MOCKTEAM")") != std::string::npos);

    const http_response forged = event(uninstalled, "not the signing secret");
    BOOST_TEST(forged.result() == http::status::unauthorized);
    BOOST_TEST(who_is(base + "/slack/whoami?team=T0MOCKTEAM").result() == http::status::ok);  // still installed

    const http_response removed = event(uninstalled, signing_secret);
    BOOST_TEST(removed.result() == http::status::ok);
    BOOST_TEST(who_is(base + "/slack/whoami?team=T0MOCKTEAM").result() == http::status::not_found);
    BOOST_TEST(event(uninstalled, signing_secret).result() == http::status::unauthorized);  // a replay
}

// Who is installed is an operator's question: the page needs the admin token, and made-up teams
// asked for by someone who holds it still leave nothing behind in the token provider's memory.
// The same install and call, paced by Slack's tiers (--rate-limits); a bad URL is refused by name,
// without its password.
BOOST_FIXTURE_TEST_CASE(an_install_works_with_rate_limits, rate_limited_fixture)
{
    BOOST_TEST(install().result() == http::status::ok);
    const http_response who = who_is(base + "/slack/whoami?team=T0MOCKTEAM");
    BOOST_TEST(who.result() == http::status::ok);
    BOOST_TEST(who.body().find(R"("team_id":"T0MOCKTEAM")") != std::string::npos);
    for (const char* bad : {"redis://u:SECRET-PASS@127.0.0.1:notaport", "http://u:SECRET-PASS@h:1"}) {
        try {
            example::install_server other(ioc.get_executor(), store, {.client_id = "1.2", .rate_limits = bad});
            BOOST_ERROR("accepted " << bad);
        } catch (const std::invalid_argument& e) {
            const std::string what = e.what();
            BOOST_TEST(what.starts_with("--rate-limits: "), what);
            BOOST_TEST(what.find("SECRET-PASS") == std::string::npos, what);
        }
    }
}

BOOST_FIXTURE_TEST_CASE(whoami_needs_the_admin_token, install_server_fixture)
{
    BOOST_TEST(install().result() == http::status::ok);
    BOOST_TEST(get(base + "/slack/whoami?team=T0MOCKTEAM").result() == http::status::unauthorized);
    BOOST_TEST(get(base + "/slack/whoami?team=T0MOCKTEAM", http::verb::get, {}, {}, {{"Authorization", "Bearer wrong"}})
                   .result() == http::status::unauthorized);
    BOOST_TEST(who_is(base + "/slack/whoami?team=T0MOCKTEAM").result() == http::status::ok);
    BOOST_TEST(who_is(base + "/slack/whoami?team=TNOSUCHTEAM").result() == http::status::not_found);
}

BOOST_FIXTURE_TEST_CASE(a_replayed_redirect_or_another_browser_installs_nothing_more, install_server_fixture)
{
    const http_response start = get(base + "/slack/install");
    const std::string set_cookie(start[http::field::set_cookie]);
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    const std::string back(get(std::string(start[http::field::location]))[http::field::location]);
    BOOST_TEST(get(back, http::verb::get, cookie).result() == http::status::ok);
    const http_response again = get(back, http::verb::get, cookie);
    BOOST_TEST(again.result() == http::status::bad_request);
    BOOST_TEST(again.body().find("already used") != std::string::npos, again.body());
    BOOST_TEST(get(back, http::verb::get, "__Host-slack_oauth_state=someone-else").result() ==
               http::status::bad_request);
}

BOOST_FIXTURE_TEST_CASE(url_verification_is_answered_with_its_challenge, install_server_fixture)
{
    const http_response answer = event(
        R"({"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"})",
        signing_secret);
    BOOST_TEST(answer.result() == http::status::ok);
    BOOST_TEST(answer.body() == "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
}

BOOST_AUTO_TEST_SUITE_END()
