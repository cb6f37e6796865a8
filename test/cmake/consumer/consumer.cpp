// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// A program outside slack-asio: runs the README's Slack app (its first C++ block, compiled as
// written) against the mock, and uses Asio's deprecated io_context::post and io_context::work on
// the way, as a parent's own code may.
#include <slack/mock/server.hpp>
#include <slack/slack.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

namespace asio = boost::asio;

// The README's.
asio::awaitable<void> slack_app(slack::web::client& client, slack::store::installation_store& store, std::string code,
                                std::string secret);

int main()
{
    asio::io_context ioc;
    asio::io_context::work keep_running(ioc);  // deprecated: compiles only without BOOST_ASIO_NO_DEPRECATED
    bool posted_by_asio = false;
    ioc.post([&] { posted_by_asio = true; });  // deprecated too

    slack::mock::server_options options;
    options.client_id = "2141029472.691202649728";  // the README's
    slack::mock::server mock(ioc.get_executor(), options);
    int messages = 0;
    mock.handle("chat.postMessage", [&](const slack::mock::method_request&) {
        ++messages;
        return slack::mock::method_answer::ok({{"ts", "1700000000.000100"}});
    });
    mock.start();
    auto tls = std::make_shared<asio::ssl::context>(slack::web::make_tls_context());
    tls->add_certificate_authority(asio::buffer(mock.ca_certificate_pem()));
    slack::web::client client(ioc.get_executor(), tls, {.api_url = mock.api_url()});
    slack::store::memory_store store(ioc.get_executor());

    bool finished = false;
    asio::co_spawn(ioc, slack_app(client, store, mock.mint_code(slack::mock::code_options{}), options.client_secret),
                   [&](std::exception_ptr e) {
                       finished = !e;
                       mock.stop();
                       ioc.stop();
                   });
    asio::steady_timer deadline(ioc, std::chrono::seconds(30));
    deadline.async_wait([&](boost::system::error_code) { ioc.stop(); });
    ioc.run();

    std::printf("slack-asio %s: deprecated post ran %d, README app finished %d, messages posted %d\n",
                std::string(slack::version()).c_str(), posted_by_asio, finished, messages);
    return posted_by_asio && finished && messages == 1 && slack::version() == SLACK_VERSION_STRING ? 0 : 1;
}
