#pragma once
#include <boost/json/fwd.hpp>

#include <optional>
#include <string>
#include <vector>

namespace slack::web {

struct incoming_webhook {
    std::string url{};
    std::string channel{};
    std::string channel_id{};
    std::string configuration_url{};
};

struct bot_credentials {
    std::string bot_user_id{};
    std::string bot_access_token{};
};

/// A successful oauth.access answer. Fields Slack did not send stay empty / nullopt;
/// `body` keeps the whole answer, fields added by Slack later included.
struct access_response {
    std::string access_token{};
    std::string scope{};                  ///< As sent: comma-separated.
    std::vector<std::string> scopes{};    ///< `scope` split at commas.
    std::string team_name{};
    std::string team_id{};
    std::string user_id{};
    std::optional<std::string> enterprise_id{};  ///< nullopt when null or absent.
    std::optional<incoming_webhook> webhook{};   ///< `incoming_webhook`
    std::optional<bot_credentials> bot{};
    std::vector<std::string> warnings{};  ///< `warning` codes and `response_metadata.warnings`.
    std::string body{};  ///< The response body as received: a JSON object.

    /// `body` parsed (on each call). To use it, include <boost/json/object.hpp>.
    boost::json::object raw() const;
};

}  // namespace slack::web
