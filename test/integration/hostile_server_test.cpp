// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Servers that do what the mock never does, scripted byte by byte (raw_peer.hpp): every call
// ends within its deadline with a precise error, no answer ever reaches another call, and no
// response makes the client hold more than client_options::max_body_bytes.
#include "integration/mock_fixture.hpp"
#include "integration/raw_peer.hpp"

#include <boost/beast/http/error.hpp>

#include <fstream>
#include <optional>

namespace {

namespace asio = boost::asio;
namespace web = slack::web;
namespace http = boost::beast::http;
using boost::system::error_code;
using slack::client_errc;
using slack::test::access_result;
using slack::test::describe;
using slack::test::http_response;
using slack::test::peer_connection;
using slack::test::raw_peer;
using std::chrono::milliseconds;
using namespace std::chrono_literals;

// How long the test waits past the client's own deadline before calling the call hung.
constexpr auto run_margin = 500ms;
// Scripts keep connections open at most this long: longer than any call here.
constexpr auto hold_limit = 5s;
constexpr std::size_t body_limit = 256 * 1024;

std::string token_body(std::string_view token)
{
    return R"({"ok":true,"access_token":")" + std::string(token) +
           R"(","scope":"identify","team_id":"T1","team_name":"Team"})";
}

// A call as a test sees it.
struct call_outcome {
    access_result result;
    slack::diagnostics diag;
    std::chrono::steady_clock::duration took;

    long long took_ms() const { return std::chrono::duration_cast<milliseconds>(took).count(); }
};

struct peer_fixture {
    explicit peer_fixture(raw_peer::script script) : peer(ioc, std::move(script))
    {
        tls->add_certificate_authority(asio::buffer(peer.ca_pem()));
        options.api_url = peer.api_url();
        options.random = [] { return 0.5; };
        options.timeout = 2s;
        options.attempt_timeout = 1s;
        options.max_body_bytes = body_limit;
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
        return slack::test::access_once(ioc, client, p, diag, options.timeout + run_margin);
    }

    call_outcome call(web::client& client, std::string code = "C-1")
    {
        slack::diagnostics diag;
        const auto start = std::chrono::steady_clock::now();
        access_result r = access(client, diag, std::move(code));
        return {std::move(r), std::move(diag), std::chrono::steady_clock::now() - start};
    }

    // One timed call on a client of its own.
    call_outcome call()
    {
        web::client client(ioc.get_executor(), tls, options);
        return call(client);
    }

    asio::io_context ioc;
    raw_peer peer;
    std::shared_ptr<asio::ssl::context> tls = std::make_shared<asio::ssl::context>(web::make_tls_context());
    web::client_options options;
};

// Handshakes and reads one request; false when the client went away first.
asio::awaitable<bool> got_request(peer_connection& c)
{
    if (!co_await c.handshake())
        co_return false;
    const std::string request = co_await c.read_request();
    co_return !request.empty();
}

// Answers the request with `bytes`, then keeps the connection open until the client leaves.
raw_peer::script answer_and_hold(std::string bytes)
{
    return [bytes = std::move(bytes)](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await got_request(c))
            co_return;
        co_await c.write(bytes);
        co_await c.hold(hold_limit);
    };
}

// Answers with `head`, then `piece` again and again (every `interval`) until the client leaves;
// `sent` counts the bytes written.
raw_peer::script answer_without_end(std::string head, std::string piece, milliseconds interval,
                                    std::shared_ptr<std::size_t> sent = std::make_shared<std::size_t>())
{
    return [=](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await got_request(c) || !co_await c.write(head))
            co_return;
        *sent += head.size();
        while (co_await c.write(piece)) {
            *sent += piece.size();
            if (interval > 0ms)
                co_await c.pause(interval);
        }
    };
}

std::string ok_head(std::string_view framing)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + std::string(framing) + "\r\n";
}

// The request went out and its answer was lost or unusable: the code may be spent, so the
// call says so, names the cause, and never sent the code a second time.
void require_outcome_unknown(const call_outcome& out, const raw_peer& peer, error_code cause, unsigned http_status = 0)
{
    BOOST_REQUIRE_MESSAGE(out.result.has_error(), "the call succeeded");
    BOOST_TEST((out.result.error() == client_errc::outcome_unknown), describe(out.result));
    BOOST_TEST((out.diag.underlying == cause),
               "underlying: " << out.diag.underlying.to_string() << ", expected " << cause.to_string());
    BOOST_TEST(out.diag.http_status == http_status);
    BOOST_TEST(out.diag.attempts == 1u);
    BOOST_TEST(peer.requests() == 1u);
}

// The call ended when `deadline` passed: not earlier, and not much later.
void require_ended_at(const call_outcome& out, milliseconds deadline)
{
    BOOST_TEST(out.took_ms() >= deadline.count() - 20, out.took_ms() << " ms");
    BOOST_TEST(out.took_ms() < (deadline + run_margin).count(), out.took_ms() << " ms");
}

// Growth of this process's peak resident memory since construction (Linux: VmHWM, reset by
// writing 5 to clear_refs). Empty where the peak cannot be reset.
class peak_memory_growth {
public:
    peak_memory_growth()
    {
        std::ofstream("/proc/self/clear_refs") << "5";
        const auto resident = status_kib("VmRSS:");
        const auto peak = status_kib("VmHWM:");
        if (resident && peak && *peak <= *resident + 256)  // the reset took effect
            start_kib_ = resident;
    }

    std::optional<std::size_t> bytes() const
    {
        const auto peak = status_kib("VmHWM:");
        if (!start_kib_ || !peak)
            return std::nullopt;
        return (*peak > *start_kib_ ? *peak - *start_kib_ : 0) * 1024;
    }

private:
    static std::optional<std::size_t> status_kib(std::string_view field)
    {
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);)
            if (line.starts_with(field))
                return std::stoul(line.substr(field.size()));
        return std::nullopt;
    }

    std::optional<std::size_t> start_kib_;
};

// How much the process may grow while refusing a response, in multiples of max_body_bytes (TLS
// buffers and a handshake included). Measured: under 2x; with ASan, whose allocator keeps freed
// memory in quarantine and maps its own regions, 25-50x. A client without limits grows by all
// the peer sends before the deadline: over 500x in either build.
#ifdef __SANITIZE_ADDRESS__
constexpr std::size_t memory_growth_allowed = 128;
#else
constexpr std::size_t memory_growth_allowed = 16;
#endif

// The process grew by a small multiple of max_body_bytes at most.
void require_memory_bounded(const peak_memory_growth& memory)
{
    if (const auto grown = memory.bytes()) {
        BOOST_TEST_MESSAGE("peak memory growth: " << *grown << " bytes");
        BOOST_TEST(*grown < memory_growth_allowed * body_limit, *grown << " bytes");
    } else {
        BOOST_TEST_MESSAGE("peak memory cannot be measured here: not checked");
    }
}

// A body over max_body_bytes was refused: the code is spent (a 200 arrived), the call ended
// well before its deadline, and memory stayed bounded though the peer would send without end.
void require_refused_as_too_large(const call_outcome& out, const raw_peer& peer, const peak_memory_growth& memory)
{
    require_outcome_unknown(out, peer, client_errc::body_too_large, 200);
    BOOST_TEST(out.took_ms() < 1000, out.took_ms() << " ms");
    require_memory_bounded(memory);
}

// Redirect statuses: none may send the request (and its credentials) anywhere else.
constexpr unsigned redirect_statuses[] = {301, 302, 303, 307, 308};

// Answers with a redirect to `*location` + the method (read when the request arrives), keeping
// the request it got in `received`.
raw_peer::script redirect(unsigned status, std::shared_ptr<const std::string> location,
                          std::shared_ptr<std::string> received = std::make_shared<std::string>())
{
    return [=](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await c.handshake() || (*received = co_await c.read_request()).empty())
            co_return;
        co_await c.write(http_response(status, "<html><body>Moved</body></html>",
                                       "Location: " + *location + "oauth.access\r\n", "text/html"));
        co_await c.hold(hold_limit);
    };
}

// A redirect is an HTTP error status, final: one attempt, one request, one connection.
void require_not_followed(const call_outcome& out, const raw_peer& peer, unsigned status)
{
    BOOST_REQUIRE_MESSAGE(out.result.has_error(), "the call succeeded");
    BOOST_TEST((out.result.error() == client_errc::http_status), describe(out.result));
    BOOST_TEST(out.diag.http_status == status);
    BOOST_TEST(out.diag.attempts == 1u);
    BOOST_TEST(peer.requests() == 1u);
    BOOST_TEST(peer.connections() == 1u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_server)

// RFC 9110 15.2: interim responses are skipped. Before, the 103 was taken as the answer
// (http_status) and the 200 left on the connection, where the next call read token A as its own.
BOOST_AUTO_TEST_CASE(an_interim_response_is_skipped_and_never_reaches_the_next_call)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await got_request(c))
            co_return;
        co_await c.write("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n");
        co_await c.pause(50ms);
        co_await c.write(http_response(200, token_body("xoxp-A")));
        if ((co_await c.read_request()).empty())
            co_return;
        co_await c.write(http_response(200, token_body("xoxp-B")));
        co_await c.hold(hold_limit);
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
        if (!co_await got_request(c))
            co_return;
        for (int i = 0; i < 50; ++i)
            if (!co_await c.write("HTTP/1.1 102 Processing\r\n\r\n"))
                co_return;
        co_await c.hold(hold_limit);
    });
    fx.options.retry = slack::retry_policy::none();
    // Sent, and no final answer: the code may be spent.
    require_outcome_unknown(fx.call(), fx.peer, client_errc::bad_response);
}

// ok:true means the code is spent: a wrongly typed optional field must not lose the token.
BOOST_AUTO_TEST_CASE(a_wrongly_typed_optional_field_is_left_empty_and_named)
{
    peer_fixture fx(answer_and_hold(http_response(
        200, R"({"ok":true,"access_token":"xoxp-1","team_id":"T1","team_name":7,"enterprise_id":{"id":"E1"},)"
             R"("incoming_webhook":"x","scope":"identify"})")));
    const call_outcome out = fx.call();
    BOOST_REQUIRE_MESSAGE(out.result.has_value(), describe(out.result) << ": " << out.diag.client_message);
    const web::access_response& r = *out.result;
    BOOST_TEST(r.access_token() == "xoxp-1");
    BOOST_TEST(r.team_id() == "T1");
    BOOST_TEST(r.team_name().empty());
    BOOST_TEST(!r.enterprise_id().has_value());
    BOOST_TEST(!r.webhook().has_value());
    for (const char* field : {"team_name", "enterprise_id", "incoming_webhook"})
        BOOST_TEST(out.diag.client_message.find(field) != std::string::npos, out.diag.client_message);
}

BOOST_AUTO_TEST_CASE(a_wrongly_typed_team_fails_saying_the_code_is_spent)
{
    peer_fixture fx(answer_and_hold(http_response(200, R"({"ok":true,"access_token":"xoxp-1","team_id":42})")));
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, client_errc::unexpected_shape, 200);
    BOOST_TEST(out.diag.client_message.find("team_id") != std::string::npos, out.diag.client_message);
}

// The reason phrase never ends (a byte every 100 ms): Beast's 8 KiB header limit is hours away,
// so only the attempt's deadline ends the call.
BOOST_AUTO_TEST_CASE(a_status_line_that_never_ends_fails_at_the_attempt_deadline)
{
    peer_fixture fx(answer_without_end("HTTP/1.1 200 O", "K", 100ms));
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, client_errc::attempt_timeout);
    require_ended_at(out, fx.options.attempt_timeout);
}

BOOST_AUTO_TEST_CASE(headers_that_stop_halfway_fail_at_the_attempt_deadline)
{
    peer_fixture fx(answer_and_hold("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Le"));
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, client_errc::attempt_timeout);
    require_ended_at(out, fx.options.attempt_timeout);
}

// A byte a second keeps every read short: the whole call's deadline (here shorter than one
// attempt's) still ends it, and says which deadline it was.
BOOST_AUTO_TEST_CASE(a_body_dripping_a_byte_a_second_fails_at_the_call_deadline)
{
    peer_fixture fx(answer_without_end(ok_head("Content-Length: 64\r\n") + "{", " ", 1s));
    fx.options.timeout = 1500ms;
    fx.options.attempt_timeout = 10s;
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, client_errc::timeout);
    require_ended_at(out, fx.options.timeout);
}

BOOST_AUTO_TEST_CASE(a_body_shorter_than_its_content_length_on_a_held_connection_fails_at_the_attempt_deadline)
{
    peer_fixture fx(answer_and_hold(ok_head("Content-Length: 100\r\n") + R"({"ok":true,"access_token":"xo)"));
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, client_errc::attempt_timeout);
    require_ended_at(out, fx.options.attempt_timeout);
}

// 1 GiB declared, and sent without end: refused at the header, before any of it is read.
BOOST_AUTO_TEST_CASE(a_declared_body_over_the_limit_is_refused_before_it_is_read)
{
    peer_fixture fx(answer_without_end(ok_head("Content-Length: 1073741824\r\n"), std::string(16 * 1024, ' '), 0ms));
    const peak_memory_growth memory;
    require_refused_as_too_large(fx.call(), fx.peer, memory);
}

// No Content-Length: the body ends when the connection does, which is never.
BOOST_AUTO_TEST_CASE(an_undeclared_body_over_the_limit_is_cut_at_the_limit)
{
    const auto sent = std::make_shared<std::size_t>();
    peer_fixture fx(answer_without_end(ok_head("Connection: close\r\n"), std::string(16 * 1024, ' '), 0ms, sent));
    const peak_memory_growth memory;
    require_refused_as_too_large(fx.call(), fx.peer, memory);
    BOOST_TEST(*sent > body_limit);  // the limit ended the body, not the peer
}

BOOST_AUTO_TEST_CASE(a_chunked_body_over_the_limit_is_cut_at_the_limit)
{
    const auto sent = std::make_shared<std::size_t>();
    peer_fixture fx(answer_without_end(ok_head("Transfer-Encoding: chunked\r\n"),
                                       "1000\r\n" + std::string(0x1000, ' ') + "\r\n", 0ms, sent));
    const peak_memory_growth memory;
    require_refused_as_too_large(fx.call(), fx.peer, memory);
    BOOST_TEST(*sent > body_limit);
}

// A chunk size that is no hex number, or overflows 64 bits, is a protocol error (kept in
// underlying); the largest 64-bit size is a number, and over the limit.
BOOST_AUTO_TEST_CASE(invalid_chunk_sizes_are_refused)
{
    const struct {
        std::string size_line;
        error_code cause;
        unsigned http_status;
    } cases[] = {
        {"zz\r\n", http::error::bad_chunk, 0},
        {"-1\r\n", http::error::bad_chunk, 0},
        {"1ffffffffffffffff\r\n", http::error::bad_chunk, 0},
        {"ffffffffffffffff\r\n", client_errc::body_too_large, 200},
    };
    for (const auto& c : cases) {
        BOOST_TEST_CONTEXT("chunk size line " << c.size_line)
        {
            peer_fixture fx(
                answer_and_hold(ok_head("Transfer-Encoding: chunked\r\n") + c.size_line + "{}\r\n0\r\n\r\n"));
            const call_outcome out = fx.call();
            require_outcome_unknown(out, fx.peer, c.cause, c.http_status);
            BOOST_TEST(out.took_ms() < 1000);
        }
    }
}

// Beast's default header limit is 8 KiB; 100 KiB of headers must not be buffered.
BOOST_AUTO_TEST_CASE(headers_over_the_limit_are_refused_at_the_limit)
{
    std::string headers = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    for (int i = 0; headers.size() < 100 * 1024; ++i)
        headers += "X-Filler-" + std::to_string(i) + ": " + std::string(100, 'a') + "\r\n";
    peer_fixture fx(answer_and_hold(headers + "Content-Length: 2\r\n\r\n{}"));
    const peak_memory_growth memory;
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, http::error::header_limit);
    BOOST_TEST(out.took_ms() < 1000);
    require_memory_bounded(memory);
}

// Nothing was sent on a connection that never got past TCP: the standard policy retries
// (safe, the code is unspent) until the call's deadline, and no request ever arrives.
BOOST_AUTO_TEST_CASE(a_peer_that_never_handshakes_gets_no_request_and_the_call_ends_at_its_deadline)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> { co_await c.hold_without_tls(hold_limit); });
    const call_outcome out = fx.call();
    BOOST_REQUIRE(out.result.has_error());
    // Attempt 1 ends at 1 s, the retry starts at 1.125 s (jitter 0.5) and ends at the call's 2 s.
    BOOST_TEST((out.result.error() == client_errc::timeout), describe(out.result));
    BOOST_TEST(out.diag.attempts == 2u);
    BOOST_TEST(fx.peer.connections() == 2u);
    BOOST_TEST(fx.peer.requests() == 0u);
    require_ended_at(out, fx.options.timeout);
}

BOOST_AUTO_TEST_CASE(a_reset_mid_body_is_a_lost_answer)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await got_request(c) || !co_await c.write(ok_head("Content-Length: 200\r\n") + R"({"ok":true,)"))
            co_return;
        co_await c.pause(100ms);  // the client has read the header and waits for the rest
        c.reset();
    });
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, asio::error::connection_reset);
    BOOST_TEST(out.took_ms() < 1000);
}

// A 204 answers and carries no body: the code is spent, and no Slack answer came.
BOOST_AUTO_TEST_CASE(a_204_is_a_success_without_a_slack_answer)
{
    peer_fixture fx(answer_and_hold("HTTP/1.1 204 No Content\r\n\r\n"));
    const call_outcome out = fx.call();
    require_outcome_unknown(out, fx.peer, client_errc::invalid_json, 204);
    BOOST_TEST(out.took_ms() < 1000);
}

// A 304 never has a body, even with a Content-Length (RFC 9110 15.4.5): the client must not
// wait for one, nor read the next answer as one.
BOOST_AUTO_TEST_CASE(a_304_has_no_body_even_with_a_content_length)
{
    peer_fixture fx([](peer_connection& c) -> asio::awaitable<void> {
        if (!co_await got_request(c) || !co_await c.write("HTTP/1.1 304 Not Modified\r\nContent-Length: 120\r\n\r\n"))
            co_return;
        if ((co_await c.read_request()).empty())
            co_return;
        co_await c.write(http_response(200, token_body("xoxp-after-304")));
        co_await c.hold(hold_limit);
    });
    web::client client(fx.ioc.get_executor(), fx.tls, fx.options);
    const call_outcome first = fx.call(client, "C-1");
    BOOST_TEST(first.took_ms() < 1000);
    BOOST_REQUIRE(first.result.has_error());
    BOOST_TEST((first.result.error() == client_errc::http_status), describe(first.result));
    BOOST_TEST(first.diag.http_status == 304u);
    BOOST_TEST(first.diag.attempts == 1u);
    const call_outcome second = fx.call(client, "C-2");
    BOOST_REQUIRE_MESSAGE(second.result.has_value(), describe(second.result));
    BOOST_TEST(second.result->access_token() == "xoxp-after-304");
    BOOST_TEST(fx.peer.connections() == 1u);
}

// Redirects are never followed: the request and its Basic credentials went to the API host
// once, under the standard retry policy too.
BOOST_AUTO_TEST_CASE(a_redirect_to_another_host_is_not_followed)
{
    const auto received = std::make_shared<std::string>();
    peer_fixture fx(redirect(302, std::make_shared<std::string>("https://evil.example/api/"), received));
    require_not_followed(fx.call(), fx.peer, 302);
    BOOST_TEST(received->find("\r\nAuthorization: Basic ") != std::string::npos);  // they came here, once
}

// The Location is a peer of our own, trusted like the API host, so that a followed redirect
// would get through: it never sees a connection, whatever the status (307/308 keep the body).
BOOST_AUTO_TEST_CASE(no_redirect_status_reaches_the_location)
{
    for (const unsigned status : redirect_statuses) {
        BOOST_TEST_CONTEXT("status " << status)
        {
            const auto location = std::make_shared<std::string>();
            peer_fixture fx(redirect(status, location));
            raw_peer elsewhere(fx.ioc, answer_and_hold(http_response(200, token_body("xoxp-elsewhere"))));
            fx.tls->add_certificate_authority(asio::buffer(elsewhere.ca_pem()));
            *location = elsewhere.api_url();
            require_not_followed(fx.call(), fx.peer, status);
            BOOST_TEST(elsewhere.connections() == 0u);
        }
    }
}

BOOST_AUTO_TEST_CASE(an_html_page_with_status_200_is_unusable_and_the_code_spent)
{
    peer_fixture fx(answer_and_hold(http_response(200, "<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>", {},
                                                  "text/html; charset=utf-8")));
    require_outcome_unknown(fx.call(), fx.peer, client_errc::invalid_json, 200);
}

BOOST_AUTO_TEST_SUITE_END()
