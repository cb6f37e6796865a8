// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The small HTTP server a Slack app runs to be installed and to act for its installations:
//   GET  /slack/install          302 to Slack's authorize page, with the state cookie
//   GET  /slack/oauth_redirect   completes the install into the store
//   GET  /slack/whoami?team=T    auth.test with the installation's (rotated) bot token; an operator's
//                                page: it needs `Authorization: Bearer <admin_token>` (and is off without one)
//   POST /slack/events           signed Events API requests: url_verification, app_uninstalled, tokens_revoked
// Plain HTTP on 127.0.0.1: in production it sits behind the TLS terminator of the app's host.
#include <slack/store/installation_store.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>
#include <string>

namespace example {

struct install_server_config {
    std::string client_id{};
    std::string client_secret{};
    std::string state_secret{};    ///< 32 bytes or more, shared by every replica.
    std::string signing_secret{};  ///< The app's signing secret, for /slack/events.
    std::string scope = "chat:write,commands";
    std::string user_scope{};
    std::string api_url = "https://slack.com/api/";    ///< The mock's in tests.
    std::string authorize_base = "https://slack.com";  ///< The mock's in tests.
    std::string ca_pem{};      ///< An extra CA to trust (the mock's), PEM; empty: the system's only.
    std::string public_url{};  ///< Where browsers reach this server; empty: http://127.0.0.1:<port>.
    unsigned short port = 0;   ///< 0: an ephemeral port.
    /// The bearer token /slack/whoami requires: who is installed is not for anyone to ask. Empty:
    /// the page is off (404).
    std::string admin_token{};
    /// How calls are paced by Slack's tiers (open_rate_limits()): "local", redis://... shared by
    /// the replicas, or empty (none). The constructor throws std::invalid_argument if it is bad.
    std::string rate_limits{};
};

class install_server {
public:
    /// `store` must outlive the server.
    install_server(boost::asio::any_io_executor executor, slack::store::installation_store& store,
                   install_server_config config);
    ~install_server();

    void start();  ///< Listens on 127.0.0.1:port. Throws if it cannot bind.
    void stop();   ///< Stops accepting and closes connections.
    unsigned short port() const;

    struct impl;

private:
    std::shared_ptr<impl> impl_;
};

}  // namespace example
