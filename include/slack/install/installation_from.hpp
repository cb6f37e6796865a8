// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// From Slack's answers to what a store keeps: an oauth.v2.access code exchange becomes an
/// installation; a refresh becomes the grant's new pair.
#include <slack/store/installation.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>

namespace slack::install {

/// The installation an oauth.v2.access code exchange describes: team or org-wide enterprise,
/// the bot grant (when a bot token was issued), the installing user's grant (when user scopes
/// were granted), the webhook, installed_at = the answer's received_at().
store::installation installation_from(const web::v2_access_response& answer);

/// The grant a refresh answer gives: the new token, refresh token, expiry and scopes, keeping
/// the ids of `previous` (a refresh answer does not always repeat them).
store::token_grant grant_from_refresh(const web::v2_access_response& answer, const store::token_grant& previous);

}  // namespace slack::install
