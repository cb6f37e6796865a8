// A program outside slack-asio: installs an app against the mock (oauth.v2.access, kept in a
// memory store), using Asio's deprecated io_context::post and io_context::work on the way, which
// a parent's code may still use.
#include <slack/mock/server.hpp>
#include <slack/slack.hpp>
#include <slack/install/installation_from.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

namespace asio = boost::asio;

asio::awaitable<bool> install(slack::web::client& client, slack::mock::server& mock, slack::store::memory_store& store)
{
    slack::web::oauth oauth(client);
    const std::string code = mock.mint_code(slack::mock::code_options{});  // for oauth.v2.access
    const auto answer = co_await oauth.v2_access(
        {.client_id = mock.options().client_id, .client_secret = mock.options().client_secret, .code = code});
    if (!answer) {
        std::printf("oauth.v2.access failed: %s\n", answer.error().message().c_str());
        co_return false;
    }
    slack::store::installation installation = slack::install::installation_from(*answer);
    const auto saved = co_await store.save(installation);
    co_return saved.has_value();
}

int main()
{
    asio::io_context ioc;
    asio::io_context::work keep_running(ioc);  // deprecated: compiles only without BOOST_ASIO_NO_DEPRECATED
    bool posted = false;
    ioc.post([&] { posted = true; });          // deprecated too

    slack::mock::server mock(ioc.get_executor());
    mock.start();
    auto tls = std::make_shared<asio::ssl::context>(slack::web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));
    slack::web::client client(ioc.get_executor(), tls, {.api_url = mock.api_url()});
    slack::store::memory_store store(ioc.get_executor());

    bool installed = false;
    asio::co_spawn(ioc, install(client, mock, store), [&](std::exception_ptr e, bool ok) {
        installed = !e && ok;
        mock.stop();
        ioc.stop();
    });
    asio::steady_timer deadline(ioc, std::chrono::seconds(30));
    deadline.async_wait([&](boost::system::error_code) { ioc.stop(); });
    ioc.run();

    std::printf("slack-asio %s: posted %d, installed %d\n", std::string(slack::version()).c_str(), posted, installed);
    return posted && installed && slack::version() == SLACK_VERSION_STRING ? 0 : 1;
}
