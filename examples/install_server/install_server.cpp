// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The example install server: HTTP plumbing (Beast) and its four routes, each a few calls into
// the SDK: installer, token_provider, auth.test, lifecycle_events.
#include "install_server.hpp"

#include "rate_limits.hpp"

#include <slack/condition.hpp>
#include <slack/install/installer.hpp>
#include <slack/install/lifecycle_events.hpp>
#include <slack/install/token_provider.hpp>
#include <slack/web/auth.hpp>
#include <slack/web/tls.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include <openssl/crypto.h>

#include <list>

namespace example {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using request = http::request<http::string_body>;
using response = http::response<http::string_body>;
using namespace std::chrono_literals;

namespace {

response text(http::status status, std::string body, std::string_view type = "text/plain")
{
    response r{status, 11};
    r.set(http::field::content_type, type);
    r.body() = std::move(body);
    return r;
}

// A query parameter, percent-decoded; empty when absent.
std::string query_value(std::string_view query, std::string_view name)
{
    const std::string text = "?" + std::string(query);  // the parsed view points into it
    auto url = boost::urls::parse_relative_ref(text);
    if (!url)
        return {};
    auto it = url->params().find(name);
    return it == url->params().end() ? std::string() : std::string((*it).value);
}

std::shared_ptr<asio::ssl::context> tls_for(const install_server_config& config)
{
    auto tls = std::make_shared<asio::ssl::context>(slack::web::make_tls_context());
    if (!config.ca_pem.empty())
        tls->add_certificate_authority(asio::buffer(config.ca_pem));
    return tls;
}

// Slack and a rediss:// limiter trust the same CAs: the system's and config.ca_pem.
slack::web::client client_for(asio::any_io_executor ex, const install_server_config& config)
{
    auto tls = tls_for(config);
    slack::web::client_options options{.api_url = config.api_url,
                                       .limiter = open_rate_limits(ex, config.rate_limits, config.client_id, tls)};
    return slack::web::client(ex, std::move(tls), std::move(options));
}

}  // namespace

struct install_server::impl : std::enable_shared_from_this<impl> {
    impl(asio::any_io_executor ex, slack::store::installation_store& s, install_server_config c)
        : executor(ex),
          store(s),
          config(std::move(c)),
          client(client_for(ex, config)),
          signer(config.state_secret),
          tokens(client, store, {.client_id = config.client_id, .client_secret = config.client_secret}),
          events(ex, store, config.signing_secret),
          acceptor(ex)
    {
    }

    asio::any_io_executor executor;
    slack::store::installation_store& store;
    install_server_config config;
    slack::web::client client;
    slack::install::state_signer signer;
    std::optional<slack::install::installer> installs;  // made once the port (and so redirect_uri) is known
    slack::install::token_provider tokens;
    slack::install::lifecycle_events events;
    tcp::acceptor acceptor;
    std::list<beast::tcp_stream*> open;  // to close on stop()

    asio::awaitable<response> route(const request& req)
    {
        const std::string_view target = req.target();
        const std::string_view path = target.substr(0, target.find('?'));
        const std::string_view query = path.size() < target.size() ? target.substr(path.size() + 1) : "";
        if (req.method() == http::verb::get && path == "/slack/install")
            co_return begin_install();
        if (req.method() == http::verb::get && path == "/slack/oauth_redirect")
            co_return co_await complete_install(query, req[http::field::cookie]);
        if (req.method() == http::verb::get && path == "/slack/whoami") {
            if (config.admin_token.empty())
                co_return text(http::status::not_found, "no such page\n");
            if (!is_admin(req[http::field::authorization]))
                co_return text(http::status::unauthorized, "whoami needs the admin token\n");
            co_return co_await whoami(query_value(query, "team"));
        }
        if (req.method() == http::verb::post && path == "/slack/events")
            co_return co_await event(req);
        co_return text(http::status::not_found, "no such page\n");
    }

    bool is_admin(std::string_view authorization) const
    {
        const std::string expected = "Bearer " + config.admin_token;
        return authorization.size() == expected.size() &&
               CRYPTO_memcmp(authorization.data(), expected.data(), expected.size()) == 0;
    }

    response begin_install()
    {
        const slack::install::install_start start = installs->begin();
        response r = text(http::status::found, "");
        r.set(http::field::location, start.location);
        r.set(http::field::set_cookie, start.set_cookie);
        return r;
    }

    asio::awaitable<response> complete_install(std::string_view query, std::string_view cookies)
    {
        auto installed = co_await installs->complete({.query = query, .cookie_header = cookies});
        response r = installed ? text(http::status::ok, "installed in " + installed->team_id + "\n")
                     : installed.error() == slack::install::install_errc::access_denied
                         ? text(http::status::ok, "installation cancelled\n")
                         : text(http::status::bad_request, "install failed: " + installed.error().message() + "\n");
        r.set(http::field::set_cookie, signer.clearing_cookie());
        co_return r;
    }

    asio::awaitable<response> whoami(std::string team)
    {
        if (team.empty())
            co_return text(http::status::bad_request, "team is required\n");
        const slack::store::installation_key key{.enterprise_id = {}, .team_id = team, .user_id = {}};
        for (int attempt = 0;; ++attempt) {
            auto token = co_await tokens.token(key);
            if (!token)
                co_return text(
                    token.error() == slack::store_errc::not_found ? http::status::not_found : http::status::bad_gateway,
                    "no token: " + token.error().message() + "\n");
            auto who = co_await slack::web::auth(client).test({.token = *token});
            if (who)
                co_return text(http::status::ok,
                               "{\"team_id\":\"" + std::string(who->team_id()) + "\",\"user_id\":\"" +
                                   std::string(who->user_id()) + "\"}\n",
                               "application/json");
            if (who.error() != slack::condition::auth || attempt == 1)
                co_return text(http::status::bad_gateway, "auth.test failed: " + who.error().message() + "\n");
            tokens.invalidate(key);  // another replica may have rotated it: read the store again
        }
    }

    // The store no longer has them: neither should the provider's memory.
    void forget_removed(const slack::install::lifecycle_event& event)
    {
        if (auto* gone = std::get_if<slack::install::app_uninstalled_event>(&event))
            tokens.invalidate({.enterprise_id = gone->enterprise_id, .team_id = gone->team_id, .user_id = {}});
        if (auto* revoked = std::get_if<slack::install::tokens_revoked_event>(&event)) {
            tokens.invalidate({.enterprise_id = revoked->enterprise_id, .team_id = revoked->team_id, .user_id = {}});
            for (const std::string& user : revoked->user_ids)
                tokens.invalidate(
                    {.enterprise_id = revoked->enterprise_id, .team_id = revoked->team_id, .user_id = user},
                    slack::store::grant_kind::user);
        }
    }

    asio::awaitable<response> event(const request& req)
    {
        auto outcome = co_await events.handle(
            {.timestamp = req["X-Slack-Request-Timestamp"], .signature = req["X-Slack-Signature"], .body = req.body()});
        if (!outcome)
            co_return text(http::status::unauthorized, "refused: " + outcome.error().message() + "\n");
        forget_removed(outcome->event);
        co_return text(http::status::ok, outcome->response_body);
    }

    // `keep`: the server's state lives as long as its last connection.
    asio::awaitable<void> serve(std::shared_ptr<impl> keep, tcp::socket socket)
    {
        (void)keep;
        beast::tcp_stream stream(std::move(socket));
        auto self = open.insert(open.end(), &stream);
        beast::flat_buffer buffer;
        for (;;) {
            http::request_parser<http::string_body> parser;
            parser.body_limit(64 * 1024);
            stream.expires_after(30s);
            auto [read_error, n] =
                co_await http::async_read(stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
            if (read_error)
                break;
            const request& req = parser.get();
            response res = co_await route(req);
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            auto [write_error, m] = co_await http::async_write(stream, res, asio::as_tuple(asio::use_awaitable));
            if (write_error || !res.keep_alive())
                break;
        }
        open.erase(self);
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    }

    asio::awaitable<void> accept_loop(std::shared_ptr<impl> keep)
    {
        for (;;) {
            auto [error, socket] = co_await acceptor.async_accept(asio::as_tuple(asio::use_awaitable));
            if (error)
                co_return;
            asio::co_spawn(executor, serve(keep, std::move(socket)), asio::detached);
        }
    }
};

install_server::install_server(asio::any_io_executor executor, slack::store::installation_store& store,
                               install_server_config config)
    : impl_(std::make_shared<impl>(executor, store, std::move(config)))
{
}

install_server::~install_server() { stop(); }

void install_server::start()
{
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), impl_->config.port);
    impl_->acceptor.open(endpoint.protocol());
    impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
    impl_->acceptor.bind(endpoint);
    impl_->acceptor.listen();
    const std::string base =
        impl_->config.public_url.empty() ? "http://127.0.0.1:" + std::to_string(port()) : impl_->config.public_url;
    impl_->installs.emplace(impl_->client, impl_->store, impl_->signer,
                            slack::install::installer_options{.client_id = impl_->config.client_id,
                                                              .client_secret = impl_->config.client_secret,
                                                              .scope = impl_->config.scope,
                                                              .user_scope = impl_->config.user_scope,
                                                              .redirect_uri = base + "/slack/oauth_redirect",
                                                              .pkce = true,
                                                              .authorize_base = impl_->config.authorize_base});
    asio::co_spawn(impl_->executor, impl_->accept_loop(impl_), asio::detached);
}

void install_server::stop()
{
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    for (beast::tcp_stream* stream : impl_->open)
        stream->socket().close(ignored);
}

unsigned short install_server::port() const { return impl_->acceptor.local_endpoint().port(); }

}  // namespace example
