#pragma once
#include <boost/json/object.hpp>

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
/// `raw` keeps the whole object, fields added by Slack later included.
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
    boost::json::object raw{};
};

}  // namespace slack::web
