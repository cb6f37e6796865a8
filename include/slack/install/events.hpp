// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The Events API payloads that change what an app may keep: the URL check Slack makes when a
/// Request URL is configured, the app's uninstall, and revoked tokens. Anything else parses as
/// other_event, by its type.
#include <slack/install/install_errc.hpp>

#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace slack::install {

/// `{"type":"url_verification","challenge":...}`: answer 200 with the challenge as the body.
struct url_verification_event {
    std::string challenge;  ///< The value to answer with, as the whole body.
};

/// `event.type` "app_uninstalled": the app is gone from a workspace, or (`is_enterprise_install`)
/// from a whole Enterprise Grid organization. Ids come from the envelope (`enterprise_id`,
/// `team_id`, `is_enterprise_install`), else from its first `authorizations` entry.
struct app_uninstalled_event {
    std::string enterprise_id;           ///< Empty outside Enterprise Grid.
    std::string team_id;                 ///< T...; empty for an org-wide uninstall.
    bool is_enterprise_install = false;  ///< The app is gone from the whole organization.
};

/// `event.type` "tokens_revoked": the users whose tokens (`event.tokens.oauth`) and the bot
/// users whose tokens (`event.tokens.bot`) no longer work. Ids as in app_uninstalled_event.
struct tokens_revoked_event {
    std::string enterprise_id;           ///< Empty outside Enterprise Grid.
    std::string team_id;                 ///< T...: the workspace.
    bool is_enterprise_install = false;  ///< The tokens of an org-wide install.
    std::vector<std::string> user_ids;   ///< U...: users whose user tokens were revoked.
    std::vector<std::string> bot_ids;    ///< U...: bot users whose bot tokens were revoked.
};

/// Any other payload: `event.type` of an event_callback, else the envelope's `type`.
struct other_event {
    std::string type;  ///< The event's type, e.g. "message".
};

/// One parsed Events API payload.
using lifecycle_event = std::variant<url_verification_event, app_uninstalled_event, tokens_revoked_event, other_event>;

/// Parses a request body of the Events API (JSON). Error: install_errc::event_malformed when it is
/// not a JSON object with a string `type`, or a url_verification without a challenge, or an
/// event_callback without an `event` object with a string `type`, or an app_uninstalled /
/// tokens_revoked naming neither team nor enterprise, or with token lists that are not lists of
/// strings. Check the request's signature first (verify_request_signature).
boost::system::result<lifecycle_event> parse_event(std::string_view body);

}  // namespace slack::install
