// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Calls through a scripted fake proxy (plain TCP on 127.0.0.1) that gives answers no real proxy
// should: bytes after its 200, an endless header, silence, a close before TLS. Each must end
// as a proxy or connection error within the deadlines, never as outcome_unknown, with nothing
// sent to Slack and the proxy's password nowhere. It also checks the CONNECT request itself.
#include "integration/mock_fixture.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/url/parse.hpp>

#include <openssl/evp.h>

#include <memory>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
using slack::client_errc;
using slack::test::access_result;
using slack::test::describe;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// Reads one CONNECT request header per connection, writes `answer` in a single write (possibly
// nothing), then closes the connection or holds it until the client closes it.
class scripted_proxy {
public:
    enum class then { close, hold };

    scripted_proxy(asio::io_context& ioc, std::string answer, then after) : state_(std::make_shared<state>(ioc))
    {
        state_->answer = std::move(answer);
        state_->after = after;
        asio::co_spawn(ioc, accept_loop(state_), asio::detached);
    }
    ~scripted_proxy()
    {
        boost::system::error_code ignored;
        state_->acceptor.close(ignored);
        for (auto& socket : state_->sockets)
            socket->close(ignored);
    }
    scripted_proxy(const scripted_proxy&) = delete;
    scripted_proxy& operator=(const scripted_proxy&) = delete;

    /// "http://127.0.0.1:PORT", with "user:password@" when credentials are given.
    std::string url(const std::string& credentials) const
    {
        return "http://" + (credentials.empty() ? "" : credentials + "@") +
               "127.0.0.1:" + std::to_string(state_->acceptor.local_endpoint().port());
    }
    /// The CONNECT request headers read so far, one per connection.
    const std::vector<std::string>& requests() const { return state_->requests; }

private:
    struct state {  // shared with the coroutines, which may outlive the object
        explicit state(asio::io_context& ioc) : acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {}
        tcp::acceptor acceptor;
        std::string answer;
        then after = then::close;
        std::vector<std::string> requests;
        std::vector<std::shared_ptr<tcp::socket>> sockets;
    };

    static asio::awaitable<void> accept_loop(std::shared_ptr<state> s)
    {
        for (;;) {
            auto [ec, socket] = co_await s->acceptor.async_accept(use_tuple);
            if (ec)
                co_return;
            s->sockets.push_back(std::make_shared<tcp::socket>(std::move(socket)));
            asio::co_spawn(s->acceptor.get_executor(), serve(s->sockets.back(), s), asio::detached);
        }
    }

    static asio::awaitable<void> serve(std::shared_ptr<tcp::socket> socket, std::shared_ptr<state> s)
    {
        std::string request;
        auto [read_error, size] =
            co_await asio::async_read_until(*socket, asio::dynamic_buffer(request), "\r\n\r\n", use_tuple);
        if (read_error)
            co_return;
        s->requests.push_back(request.substr(0, size));
        if (!s->answer.empty())
            co_await asio::async_write(*socket, asio::buffer(s->answer), use_tuple);
        if (s->after == then::hold)
            for (char dropped[512];;) {
                auto [ec, n] = co_await socket->async_read_some(asio::buffer(dropped), use_tuple);
                if (ec)
                    break;
            }
        boost::system::error_code ignored;
        socket->close(ignored);
    }

    std::shared_ptr<state> state_;
};

// The proxy's password, percent-encoded in the URL ("@" would end the userinfo).
const std::string proxy_password = "pr0xy@s3cret";
const std::string proxy_credentials = "alice:pr0xy%40s3cret";

// Base64 by OpenSSL, independently of the SDK's helper.
std::string base64(const std::string& text)
{
    std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

struct hostile_proxy_fixture : slack::test::mock_fixture {
    hostile_proxy_fixture()
    {
        options.retry = slack::retry_policy::none();
        options.proxy_from_environment = false;  // the machine's NO_PROXY must not send us direct
        options.attempt_timeout = 5s;
        options.timeout = 10s;
    }

    // One call through `proxy` with its credentials; events and time are kept for the checks.
    access_result call(const scripted_proxy& proxy)
    {
        options.proxy = proxy.url(proxy_credentials);
        options.on_event = [this](const web::call_event& e) { events.push_back(e); };
        web::client client(ioc.get_executor(), tls, options);
        const auto start = std::chrono::steady_clock::now();
        access_result r = access(client, params(server.mint_code()), diag);  // a single-use code
        took = std::chrono::steady_clock::now() - start;
        return r;
    }

    // What every hostile answer must give: a failure, not outcome_unknown, nothing sent to
    // Slack, and no trace of the password (plain, URL-encoded or in Basic form) for the caller.
    void check_failed_safely(const access_result& r)
    {
        BOOST_REQUIRE(!r.has_value());
        BOOST_TEST(r.error() != client_errc::outcome_unknown, describe(r));
        BOOST_TEST(!(r.error() == slack::condition::outcome_unknown), describe(r));
        for (const auto& e : events)
            BOOST_TEST(e.error != client_errc::outcome_unknown);
        BOOST_TEST(server.requests().empty());
        BOOST_TEST(server.connections_accepted() == 0u);
        for (const std::string& secret :
             {proxy_password, std::string("pr0xy%40s3cret"), base64("alice:" + proxy_password)}) {
            // No message on failure: it would print the secret.
            BOOST_TEST(diag.client_message.find(secret) == std::string::npos);
            BOOST_TEST(diag.underlying.message().find(secret) == std::string::npos);
            BOOST_TEST(r.error().message().find(secret) == std::string::npos);
            BOOST_TEST(r.error().to_string().find(secret) == std::string::npos);
        }
    }

    slack::diagnostics diag;
    std::vector<web::call_event> events;
    std::chrono::steady_clock::duration took{};
};

const std::string established = "HTTP/1.1 200 Connection established\r\n\r\n";

}  // namespace

BOOST_FIXTURE_TEST_SUITE(hostile_proxy, hostile_proxy_fixture)

BOOST_AUTO_TEST_CASE(bytes_after_the_200_are_a_proxy_failure)
{
    // What looks like the start of a TLS record, sent with the 200 in one write: the client
    // would take it for the server's.
    scripted_proxy proxy(ioc, established + "\x16\x03\x03 not from Slack", scripted_proxy::then::hold);
    const access_result r = call(proxy);
    check_failed_safely(r);
    BOOST_TEST(r.error() == client_errc::proxy_failed, describe(r));
    BOOST_TEST(diag.client_message.find("HTTP 200") == std::string::npos, diag.client_message);
    BOOST_TEST((diag.underlying == boost::beast::http::error::unexpected_body), diag.underlying.message());
    BOOST_TEST(proxy.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_header_over_8_kib_is_a_proxy_failure_not_a_hang)
{
    std::string answer = "HTTP/1.1 200 Connection established\r\n";
    for (int i = 0; answer.size() < 10 * 1024; ++i)
        answer += "X-Filler-" + std::to_string(i) + ": " + std::string(60, 'f') + "\r\n";
    answer += "\r\n";
    scripted_proxy proxy(ioc, answer, scripted_proxy::then::hold);
    const access_result r = call(proxy);
    check_failed_safely(r);
    BOOST_TEST(r.error() == client_errc::proxy_failed, describe(r));
    BOOST_TEST((diag.underlying == boost::beast::http::error::header_limit), diag.underlying.message());
    BOOST_TEST((took < options.attempt_timeout));  // ended by the limit, not by the deadline
}

BOOST_AUTO_TEST_CASE(a_silent_proxy_ends_by_the_deadline_as_a_timeout)
{
    struct limits {
        std::chrono::milliseconds attempt, call;
    };
    for (const limits l : {limits{300ms, 10s}, limits{10s, 300ms}}) {
        BOOST_TEST_INFO_SCOPE("attempt_timeout " << l.attempt.count() << " ms, timeout " << l.call.count() << " ms");
        scripted_proxy proxy(ioc, "", scripted_proxy::then::hold);
        options.attempt_timeout = l.attempt;
        options.timeout = l.call;
        events.clear();
        diag = {};
        const access_result r = call(proxy);
        check_failed_safely(r);
        BOOST_TEST((r.error() == client_errc::timeout || r.error() == client_errc::attempt_timeout), describe(r));
        BOOST_TEST((took < 3s));
        BOOST_TEST(proxy.requests().size() == 1u);
    }
}

BOOST_AUTO_TEST_CASE(a_close_after_the_200_is_not_an_unknown_outcome)
{
    scripted_proxy proxy(ioc, established, scripted_proxy::then::close);
    const access_result r = call(proxy);
    check_failed_safely(r);  // the single-use code never reached the mock
    BOOST_TEST((r.error() == client_errc::proxy_failed || r.error() == client_errc::connection_closed ||
                r.error() == slack::condition::transient),
               describe(r) << " / " << diag.underlying.message());
    BOOST_TEST(proxy.requests().size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_connect_request_names_the_target_and_the_credentials)
{
    scripted_proxy proxy(ioc, "HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n",
                         scripted_proxy::then::close);
    const access_result r = call(proxy);
    check_failed_safely(r);
    BOOST_TEST(r.error() == client_errc::proxy_authentication_required, describe(r));
    BOOST_REQUIRE(proxy.requests().size() == 1u);
    const std::string& request = proxy.requests().front();
    const std::string target = "127.0.0.1:" + std::string(boost::urls::parse_uri(server.api_url())->port());
    // Only the request line is printed on failure: the rest carries the credentials.
    BOOST_TEST(request.starts_with("CONNECT " + target + " HTTP/1.1\r\n"), request.substr(0, request.find('\r')));
    BOOST_TEST(request.find("\r\nHost: " + target + "\r\n") != std::string::npos);
    const std::string authorization = "\r\nProxy-Authorization: Basic " + base64("alice:" + proxy_password) + "\r\n";
    BOOST_TEST(request.find(authorization) != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
