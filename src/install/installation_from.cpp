// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/install/installation_from.hpp>

namespace slack::install {

store::installation installation_from(const web::v2_access_response& answer)
{
    store::installation i;
    i.app_id = answer.app_id();
    if (auto team = answer.team()) {
        i.team_id = team->id;
        i.team_name = team->name;
    }
    if (auto enterprise = answer.enterprise()) {
        i.enterprise_id = enterprise->id;
        i.enterprise_name = enterprise->name;
    }
    i.is_enterprise_install = answer.is_enterprise_install();
    if (!answer.access_token().empty() && answer.token_type() != "user") {
        store::token_grant bot;
        bot.token = answer.access_token();
        bot.refresh_token = answer.refresh_token();
        bot.expires_at = answer.expires_at();
        bot.scopes = answer.scope();
        bot.user_id = answer.bot_user_id();
        i.bot = std::move(bot);
    }
    if (auto user = answer.user()) {
        i.user_id = user->id;
        if (!user->access_token.empty()) {
            store::token_grant grant;
            grant.token = user->access_token;
            grant.refresh_token = user->refresh_token;
            grant.expires_at = user->expires_at;
            grant.scopes = user->scope;
            grant.user_id = user->id;
            i.user = std::move(grant);
        }
    }
    if (auto hook = answer.webhook())
        i.incoming_webhook = store::webhook{std::string(hook->url), std::string(hook->channel),
                                            std::string(hook->channel_id), std::string(hook->configuration_url)};
    i.installed_at = answer.received_at();
    return i;
}

store::token_grant grant_from_refresh(const web::v2_access_response& answer, const store::token_grant& previous)
{
    store::token_grant grant = previous;
    grant.token = answer.access_token();
    grant.refresh_token = answer.refresh_token();
    grant.expires_at = answer.expires_at();
    if (!answer.scope().empty())
        grant.scopes = answer.scope();
    return grant;
}

}  // namespace slack::install
