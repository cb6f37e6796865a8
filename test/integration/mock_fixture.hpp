// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A mock Slack server and a client trusting it, on one io_context that every test drives
// with a deadline: nothing here can hang a test run.
#include "printing.hpp"

#include <slack/mock/server.hpp>
#include <slack/slack.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <optional>
#include <thread>

namespace slack::test {

namespace asio = boost::asio;
using access_result = boost::system::result<web::access_response>;
using namespace std::chrono_literals;

/// "success", or the error's code and message, for test failure messages.
inline std::string describe(const access_result& r)
{
    return r.has_value() ? "success" : r.error().to_string() + " (" + r.error().message() + ")";
}

/// access_params that own their strings (access_params only views them), for tests that keep
/// or edit parameters. Converts to the views a call takes.
struct owned_params {
    std::string client_id{}, client_secret{}, code{}, redirect_uri{};
    bool single_channel = false;
    operator web::access_params() const  // NOLINT: implicit on purpose
    {
        return {.client_id = client_id,
                .client_secret = client_secret,
                .code = code,
                .redirect_uri = redirect_uri,
                .single_channel = single_channel};
    }
};

/// Parameters the mock accepts, with `code`.
inline owned_params params_for(const mock::server& server, std::string code)
{
    return {.client_id = server.options().client_id,
            .client_secret = server.options().client_secret,
            .code = std::move(code)};
}

/// The Asio/SSL codes a connection closed by the peer shows up as (kept in diagnostics::underlying).
inline bool is_peer_close(const boost::system::error_code& ec)
{
    return ec == asio::error::eof || ec == asio::ssl::error::stream_truncated || ec == asio::error::connection_reset;
}

/// Runs `ioc` until `done` holds, failing the test after `limit`.
template <class Predicate>
void run_until(asio::io_context& ioc, Predicate done, std::chrono::steady_clock::duration limit = 15s)
{
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        if (ioc.stopped())
            ioc.restart();
        ioc.run_one_until(deadline);
    }
    BOOST_REQUIRE_MESSAGE(done(), "the operation did not complete within its deadline");
}

/// One oauth.access call through the callback token, driven with a deadline.
inline access_result access_once(asio::io_context& ioc, web::client& client, web::access_params p,
                                 slack::diagnostics& diag, std::chrono::steady_clock::duration limit = 15s)
{
    std::optional<access_result> out;
    web::oauth(client).access(p, diag, [&](access_result r) { out.emplace(std::move(r)); });
    run_until(
        ioc, [&] { return out.has_value(); }, limit);
    return std::move(*out);
}

inline mock::server_options default_mock_options() { return mock::server_options{}; }

/// Sleeps until the system clock is at most 100 ms into a second: for tests that must do
/// something inside one second (the last second of a validity window).
inline void wait_for_the_start_of_a_second()
{
    for (;;) {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        const auto into = now - std::chrono::floor<std::chrono::seconds>(now);
        if (into < 100ms)
            return;
        std::this_thread::sleep_for(std::chrono::seconds(1) - into);
    }
}

struct mock_fixture {
    explicit mock_fixture(mock::server_options mock_options = default_mock_options())
        : server(ioc.get_executor(), std::move(mock_options)),
          tls(std::make_shared<asio::ssl::context>(web::make_tls_context()))
    {
        server.start();
        tls->add_certificate_authority(asio::buffer(server.ca_certificate_pem()));
        options.api_url = server.api_url();
        options.random = [] { return 0.5; };  // deterministic jitter
        options.timeout = 10s;
    }

    ~mock_fixture()
    {
        server.stop();
        ioc.restart();
        ioc.run_for(2s);  // let closed connections finish; bounded
    }

    owned_params params(std::string code) const { return params_for(server, std::move(code)); }

    /// Runs the io_context until `done` holds, failing the test after `limit`.
    template <class Predicate>
    void run_until(Predicate done, std::chrono::steady_clock::duration limit = 15s)
    {
        slack::test::run_until(ioc, std::move(done), limit);
    }

    /// One oauth.access call through the callback token, driven with a deadline.
    access_result access(web::client& client, web::access_params p, slack::diagnostics& diag,
                         std::chrono::steady_clock::duration limit = 15s)
    {
        return access_once(ioc, client, p, diag, limit);
    }

    access_result access(web::access_params p, slack::diagnostics& diag)
    {
        web::client client(ioc.get_executor(), tls, options);
        return access(client, std::move(p), diag);
    }

    asio::io_context ioc;
    mock::server server;
    std::shared_ptr<asio::ssl::context> tls;  // shared by the test's clients
    web::client_options options;
};

}  // namespace slack::test
