// Servers that do what the mock never does, scripted byte by byte (raw_peer.hpp): every call
// ends within its deadline with a precise error, and no answer ever reaches another call.
#include "integration/mock_fixture.hpp"
#include "integration/raw_peer.hpp"

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using slack::client_errc;
using slack::test::access_result;
using slack::test::describe;
using slack::test::http_response;
using slack::test::peer_connection;
using slack::test::raw_peer;
using namespace std::chrono_literals;

std::string token_body(std::string_view token)
{
    return R"({"ok":true,"access_token":")" + std::string(token) + R"(","scope":"identify","team_id":"T1","team_name":"Team"})";
}

struct peer_fixture {
    explicit peer_fixture(raw_peer::script script) : peer(ioc, std::move(script))
    {
        tls->add_certificate_authority(asio::buffer(peer.ca_pem()));
        options.api_url = peer.api_url();
        options.random = [] { return 0.5; };
        options.timeout = 5s;
        options.attempt_timeout = 2s;
    }
    ~peer_fixture()
    {
        peer.stop();
        ioc.restart();
        ioc.run_for(200ms);
    }

    access_result access(web::client& client, slack::diagnostics& diag, std::string code = "C-1")
    {
        const web::access_params p{.client_id = "1.2", .client_secret = "s", .code = code};
        return slack::test::access_once(ioc, client, p, diag);
    }

    asio::io_context ioc;
    raw_peer peer;
    std::shared_ptr<asio::ssl::context> tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    web::client_options options;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_server)

// RFC 9110 15.2: interim responses are skipped. Before, the 103 was taken as the answer
// (http_status) and the 200 left on the connection, where the next call read token A as its own.
BOOST_AUTO_TEST_CASE(an_interim_response_is_skipped_and_never_reaches_the_next_call)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await c.handshake() || (co_await c.read_request()).empty())
            co_return;
        co_await c.write("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n");
        co_await c.pause(50ms);
        co_await c.write(http_response(200, token_body("xoxp-A")));
        if ((co_await c.read_request()).empty())
            co_return;
        co_await c.write(http_response(200, token_body("xoxp-B")));
        co_await c.hold(3s);
    });
    fx.options.max_connections = 1;
    web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
    slack::diagnostics diag;
    access_result first = fx.access(client, diag, "C-A");
    BOOST_REQUIRE_MESSAGE(first.has_value(), describe(first));
    BOOST_TEST(first->access_token() == "xoxp-A");
    BOOST_TEST(diag.http_status == 200u);
    access_result second = fx.access(client, diag, "C-B");
    BOOST_REQUIRE_MESSAGE(second.has_value(), describe(second));
    BOOST_TEST(second->access_token() == "xoxp-B");
    BOOST_TEST(fx.peer.connections() == 1u);
}

BOOST_AUTO_TEST_CASE(endless_interim_responses_are_a_bad_response)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await c.handshake() || (co_await c.read_request()).empty())
            co_return;
        for (int i = 0; i < 50; ++i)
            if (!co_await c.write("HTTP/1.1 102 Processing\r\n\r\n"))
                co_return;
        co_await c.hold(3s);
    });
    fx.options.retry = slack::retry_policy::none();
    web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
    slack::diagnostics diag;
    access_result r = fx.access(client, diag);
    BOOST_REQUIRE(r.has_error());
    // Sent, and no final answer: the code may be spent.
    BOOST_TEST((r.error() == client_errc::outcome_unknown), describe(r));
    BOOST_TEST((diag.underlying == client_errc::bad_response));
}

// ok:true means the code is spent: a wrongly typed optional field must not lose the token.
BOOST_AUTO_TEST_CASE(a_wrongly_typed_optional_field_is_left_empty_and_named)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await c.handshake() || (co_await c.read_request()).empty())
            co_return;
        co_await c.write(http_response(
            200, R"({"ok":true,"access_token":"xoxp-1","team_id":"T1","team_name":7,"enterprise_id":{"id":"E1"},)"
                 R"("incoming_webhook":"x","scope":"identify"})"));
        co_await c.hold(3s);
    });
    web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
    slack::diagnostics diag;
    access_result r = fx.access(client, diag);
    BOOST_REQUIRE_MESSAGE(r.has_value(), describe(r) << ": " << diag.client_message);
    BOOST_TEST(r->access_token() == "xoxp-1");
    BOOST_TEST(r->team_id() == "T1");
    BOOST_TEST(r->team_name().empty());
    BOOST_TEST(!r->enterprise_id().has_value());
    BOOST_TEST(!r->webhook().has_value());
    BOOST_TEST(diag.client_message.find("team_name") != std::string::npos, diag.client_message);
    BOOST_TEST(diag.client_message.find("enterprise_id") != std::string::npos, diag.client_message);
    BOOST_TEST(diag.client_message.find("incoming_webhook") != std::string::npos, diag.client_message);
}

BOOST_AUTO_TEST_CASE(a_wrongly_typed_team_fails_saying_the_code_is_spent)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await c.handshake() || (co_await c.read_request()).empty())
            co_return;
        co_await c.write(http_response(200, R"({"ok":true,"access_token":"xoxp-1","team_id":42})"));
        co_await c.hold(3s);
    });
    web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
    slack::diagnostics diag;
    access_result r = fx.access(client, diag);
    BOOST_REQUIRE(r.has_error());
    BOOST_TEST((r.error() == slack::condition::outcome_unknown));
    BOOST_TEST((diag.underlying == client_errc::unexpected_shape));
    BOOST_TEST(diag.client_message.find("team_id") != std::string::npos, diag.client_message);
}

BOOST_AUTO_TEST_SUITE_END()
