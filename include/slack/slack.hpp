#pragma once
/// @file
/// Everything slack-asio offers a Slack app: `#include <slack/slack.hpp>`
#include <slack/error.hpp>
#include <slack/version.hpp>
#include <slack/retry_policy.hpp>
#include <slack/web/client.hpp>
#include <slack/web/apps.hpp>
#include <slack/web/auth.hpp>
#include <slack/web/oauth.hpp>
#include <slack/web/openid.hpp>
#include <slack/web/pkce.hpp>
