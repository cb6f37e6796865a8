// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the examples read from their environment, so that one build talks to Slack or to a mock:
//   SLACK_API_URL   the Web API base (default https://slack.com/api/)
//   SLACK_CA_FILE   one more CA certificate to trust (the mock's self-signed one)
//   SLACK_CLIENT_ID, SLACK_CLIENT_SECRET   the app's credentials (install and refresh)
//   SLACK_STORE     where installations are kept (default sqlite:slack-example.db; see open_store.hpp)
#include <slack/install/token_provider.hpp>
#include <slack/store/open_store.hpp>
#include <slack/web/client.hpp>
#include <slack/web/tls.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

namespace example {

inline std::string env(const char* name, std::string_view fallback = {})
{
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string(fallback);
}

/// A client on `executor` for SLACK_API_URL, trusting the system CAs and SLACK_CA_FILE.
inline slack::web::client make_client(boost::asio::any_io_executor executor, slack::web::client_options options = {})
{
    options.api_url = env("SLACK_API_URL", "https://slack.com/api/");
    boost::asio::ssl::context tls = slack::web::make_tls_context();
    if (const std::string ca = env("SLACK_CA_FILE"); !ca.empty())
        tls.load_verify_file(ca);
    return slack::web::client(std::move(executor), std::move(tls), std::move(options));
}

/// The store SLACK_STORE names; exits with status 2 if it names none.
inline std::unique_ptr<slack::store::installation_store> open_store(boost::asio::any_io_executor executor)
{
    auto store = slack::store::open_store(std::move(executor), env("SLACK_STORE", "sqlite:slack-example.db"));
    if (!store) {
        std::cerr << "SLACK_STORE is not a store (sqlite:PATH, postgresql://..., memory:)\n";
        std::exit(2);
    }
    return std::move(*store);
}

/// What a token_provider needs to refresh rotating tokens: the app's credentials.
inline slack::install::token_provider_options provider_options()
{
    return {.client_id = env("SLACK_CLIENT_ID"), .client_secret = env("SLACK_CLIENT_SECRET")};
}

}  // namespace example
