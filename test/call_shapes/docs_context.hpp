// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// What the C++ blocks of docs/*.md take as given: the names a program around them would have
// (its client, store, configuration, request fields). Declared, never defined: the blocks are
// compiled to check that they are right, not linked (docs_mock_tour runs the one that can run).
#pragma once

#include <slack/slack.hpp>
#include <slack/install/lifecycle_events.hpp>
#include <slack/install/sign_in.hpp>
#include <slack/install/state.hpp>
#include <slack/install/token_provider.hpp>
#include <slack/mock/server.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/store/memory_store.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <string>

namespace asio = boost::asio;

namespace docs_context {
extern asio::io_context io;
extern asio::any_io_executor executor;
extern slack::web::client client;
extern slack::web::client_options options;
extern slack::store::installation_store& store;
extern slack::store::installation_key key;
extern const slack::install::state_signer signer;
// Configuration: the app's credentials and secrets, and the redirect URI Slack knows.
extern std::string client_id, client_secret, id, secret, redirect_uri;
extern std::string secret_from_config, signing_secret, key_from_secret_manager, key_text;
// One request's fields: a redirect's query and Cookie header, an event's headers and body.
extern std::string query, cookies, timestamp_header, signature_header, body;
}  // namespace docs_context

using namespace docs_context;
