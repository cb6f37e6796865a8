// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Everything the library slack::asio offers a Slack app: `#include <slack/slack.hpp>`.
/// The Web API client and its methods, pagination, the install flow, Sign in with Slack, the
/// token provider, the store interface and the in-memory store. The SQL stores are separate
/// libraries with their own headers: <slack/store/sqlite_store.hpp> (slack::sqlite_store),
/// <slack/store/postgresql_store.hpp> (slack::postgresql_store), <slack/store/open_store.hpp>
/// (slack::stores); the mock server is <slack/mock/server.hpp> (slack::mock).
#include <slack/error.hpp>
#include <slack/version.hpp>
#include <slack/retry_policy.hpp>
#include <slack/web/client.hpp>
#include <slack/web/tls.hpp>
#include <slack/web/apps.hpp>
#include <slack/web/auth.hpp>
#include <slack/web/oauth.hpp>
#include <slack/web/openid.hpp>
#include <slack/web/paginate.hpp>
#include <slack/web/pkce.hpp>
#include <slack/web/rate_limiter.hpp>
#include <slack/install/authorize_url.hpp>
#include <slack/install/installation_from.hpp>
#include <slack/install/installer.hpp>
#include <slack/install/lifecycle_events.hpp>
#include <slack/install/request_signature.hpp>
#include <slack/install/sign_in.hpp>
#include <slack/install/token_provider.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/store/memory_store.hpp>
