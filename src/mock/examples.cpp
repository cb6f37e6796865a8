// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/examples.hpp"

#include <array>

namespace slack::mock::detail {

namespace {

struct example {
    std::string_view method;
    std::string_view name;
    std::string_view body;
};

// Data, not code: Slack's examples as the docs give them. oauth.v2.exchange and apps.uninstall
// have no documented example; theirs follow the documented output schema.
constexpr std::array examples{
    // oauth.access: the mock's names first (bot is the default success: every documented field
    // and one Slack might add later), then the docs' names.
    example{
        "oauth.access", "bot",
        R"json({"ok":true,"access_token":"xoxp-XXXXXXXX-XXXXXXXX-XXXXX","scope":"incoming-webhook,commands,bot","team_name":"Team Installing Your Hook","team_id":"TXXXXXXXXX","user_id":"UXXXXXXXXX","enterprise_id":"EXXXXXXXXX","incoming_webhook":{"url":"https://hooks.slack.com/TXXXXX/BXXXXX/XXXXXXXXXX","channel":"#channel-it-will-post-to","channel_id":"C05002EAE","configuration_url":"https://teamname.slack.com/services/BXXXXX"},"bot":{"bot_user_id":"UTTTTTTTTTTR","bot_access_token":"xoxb-XXXXXXXXXXXX-TTTTTTTTTTTTTT"},"is_future_field":{"nested":[1,2,3]}})json"},
    example{
        "oauth.access", "minimal",
        R"json({"ok":true,"access_token":"xoxp-XXXXXXXX-XXXXXXXX-XXXXX","scope":"groups:write","team_name":"Wyld Stallyns LLC","team_id":"TXXXXXXXXX","enterprise_id":null})json"},
    example{
        "oauth.access", "workspace",
        R"json({"ok":true,"access_token":"xoxa-access-token-string","token_type":"app","app_id":"A012345678","app_user_id":"U0NKHRW57","team_name":"Subarachnoid Workspace","team_id":"T061EG9R6","enterprise_id":null,"authorizing_user":{"user_id":"U061F7AUR","app_home":"D0PNCRP9N"},"installer_user":{"user_id":"U061F7AUR","app_home":"D0PNCRP9N"},"scopes":{"app_home":["chat:write","im:history","im:read"],"team":[],"channel":["channels:history","channels:read","chat:write"],"group":["chat:write"],"mpim":["chat:write"],"im":["chat:write"],"user":[]}})json"},
    // Slack's wire form escapes '/'; keys with dots must not pose as nested fields.
    example{
        "oauth.access", "escaped",
        R"json({"ok":true,"access_token":"xoxp-1\u002d2","scope":"bot,commands","team_name":"Caf\u00e9 \"T\"","team_id":"T1","bot.bot_access_token":"xoxb-no","incoming_webhook":{"url":"https:\/\/hooks.slack.com\/T1\/B1\/X","channel":"#c"},"incoming_webhook.url":"https:\/\/elsewhere"})json"},
    // A short escaped token; keys given twice (the last counts).
    example{
        "oauth.access", "repeated",
        R"json({"ok":true,"access_token":"x\u0031","bot":{"bot_user_id":"U1"},"bot":null,"team_id":"T1","team_id":null,"team_name":7,"team_name":"N"})json"},
    // Not UTF-8: "Café" in ISO 8859-1.
    example{"oauth.access", "latin1",
            "{\"ok\":true,\"access_token\":\"xoxp-1\",\"team_name\":\"Caf\xe9\",\"team_id\":\"T1\"}"},
    example{
        "oauth.access", "success",
        R"json({"ok":true,"access_token":"xoxp-XXXXXXXX-XXXXXXXX-XXXXX","scope":"groups:write","team_name":"Wyld Stallyns LLC","team_id":"TXXXXXXXXX","enterprise_id":null})json"},
    example{
        "oauth.access", "success_with_bot",
        R"json({"ok":true,"access_token":"xoxp-XXXXXXXX-XXXXXXXX-XXXXX","scope":"incoming-webhook,commands,bot","team_name":"Team Installing Your Hook","team_id":"TXXXXXXXXX","enterprise_id":null,"incoming_webhook":{"url":"https://hooks.slack.com/TXXXXX/BXXXXX/XXXXXXXXXX","channel":"#channel-it-will-post-to","configuration_url":"https://teamname.slack.com/services/BXXXXX"},"bot":{"bot_user_id":"UTTTTTTTTTTR","bot_access_token":"xoxb-XXXXXXXXXXXX-TTTTTTTTTTTTTT"}})json"},
    example{
        "oauth.access", "success_with_workspace_token",
        R"json({"ok":true,"access_token":"xoxa-access-token-string","token_type":"app","app_id":"A012345678","app_user_id":"U0NKHRW57","team_name":"Subarachnoid Workspace","team_id":"T061EG9R6","enterprise_id":null,"authorizing_user":{"user_id":"U061F7AUR","app_home":"D0PNCRP9N"},"installer_user":{"user_id":"U061F7AUR","app_home":"D0PNCRP9N"},"scopes":{"app_home":["chat:write","im:history","im:read"],"team":[],"channel":["channels:history","channels:read","chat:write"],"group":["chat:write"],"mpim":["chat:write"],"im":["chat:write"],"user":[]}})json"},
    example{"oauth.access", "error", R"json({"ok":false,"error":"invalid_client_id"})json"},
    example{
        "oauth.v2.access", "success",
        R"json({"ok":true,"access_token":"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy","token_type":"bot","scope":"commands,incoming-webhook","bot_user_id":"U0KRQLJ9H","app_id":"A0KRD7HC3","team":{"name":"Slack Softball Team","id":"T9TK3CUKW"},"enterprise":{"name":"slack-sports","id":"E12345678"},"authed_user":{"id":"U1234","scope":"chat:write","access_token":"xoxp-1234","token_type":"user"}})json"},
    example{
        "oauth.v2.access", "success_with_token_rotation",
        R"json({"ok":true,"access_token":"xoxe.xoxb-1-..","token_type":"bot","scope":"commands,incoming-webhook","bot_user_id":"U0KRQLJ9H","app_id":"A0KRD7HC3","expires_in":43200,"refresh_token":"xoxe-1-...","team":{"name":"Slack Softball Team","id":"T9TK3CUKW"},"enterprise":{"name":"slack-sports","id":"E12345678"},"authed_user":{"id":"U1234","scope":"chat:write","access_token":"xoxe.xoxp-1234","expires_in":43200,"refresh_token":"xoxe-1-...","token_type":"user"}})json"},
    example{
        "oauth.v2.access", "success_with_sign_in_with_slack", R"json({"ok":true,"app_id":"A0118NQPZZC","authed_user":{"id":"U065VRX1T0","scope":"identity.basic,identity.email,identity.avatar,identity.team","access_token":"xoxp-yoda-yoda-yoda","token_type":"user"},"team":{"id":"T024BE7LD"},"enterprise":null,"is_enterprise_install":false})json"},
    example{"oauth.v2.access", "error", R"json({"ok":false,"error":"invalid_client_id"})json"},
    example{
        "oauth.v2.user.access", "success",
        R"json({"ok":true,"access_token":"xoxp-123456789...","token_type":"user","id_token":"eyJhbGciOiJSUzI1Ni...","authed_user":{"id":"U12345","scope":"openid,email,profile"},"team":{"id":"T012345"}})json"},
    example{"oauth.v2.user.access", "error", R"json({"ok":false,"error":"invalid_code"})json"},
    example{
        "openid.connect.token", "success",
        R"json({"ok":true,"access_token":"xoxp-1234","token_type":"Bearer","id_token":"eyJhbGcMjY5OTA2MzcWNrLmNvbVwvdGVhbV9p..."})json"},
    example{
        "openid.connect.userInfo", "success",
        R"json({"ok":true,"sub":"U0R7JM","https://slack.com/user_id":"U0R7JM","https://slack.com/team_id":"T0R7GR","email":"krane@slack-corp.com","email_verified":true,"date_email_verified":1622128723,"name":"krane","picture":"https://secure.gravatar.com/....png","given_name":"Bront","family_name":"Labradoodle","locale":"en-US","https://slack.com/team_name":"kraneflannel","https://slack.com/team_domain":"kraneflannel","https://slack.com/user_image_24":"...","https://slack.com/user_image_32":"...","https://slack.com/user_image_48":"...","https://slack.com/user_image_72":"...","https://slack.com/user_image_192":"...","https://slack.com/user_image_512":"...","https://slack.com/team_image_34":"...","https://slack.com/team_image_44":"...","https://slack.com/team_image_68":"...","https://slack.com/team_image_88":"...","https://slack.com/team_image_102":"...","https://slack.com/team_image_132":"...","https://slack.com/team_image_230":"...","https://slack.com/team_image_default":true})json"},
    example{
        "auth.test", "success",
        R"json({"ok":true,"url":"https://subarachnoid.slack.com/","team":"Subarachnoid Workspace","user":"grace","team_id":"T12345678","user_id":"W12345678"})json"},
    example{"auth.test", "error", R"json({"ok":false,"error":"invalid_auth"})json"},
    example{
        "auth.test", "success_with_bot_token",
        R"json({"ok":true,"url":"https://subarachnoid.slack.com/","team":"Subarachnoid Workspace","user":"bot","team_id":"T0G9PQBBK","user_id":"W23456789","bot_id":"BZYBOTHED"})json"},
    example{"auth.test", "error_with_no_token", R"json({"ok":false,"error":"not_authed"})json"},
    example{"auth.revoke", "success", R"json({"ok":true,"revoked":true})json"},
    example{"auth.revoke", "error", R"json({"ok":false,"error":"invalid_auth"})json"},
    example{
        "oauth.v2.exchange", "success",
        R"json({"ok":true,"app_id":"A0XXXXXXX","token_type":"bot","scope":"chat:write","bot_user_id":"U0XXXXXXX","access_token":"xoxe.xoxb-1-...","expires_in":43200,"refresh_token":"xoxe-1-...","team":{"id":"T0XXXXXXX","name":"Example"},"enterprise":null})json"},
    example{"apps.uninstall", "success", R"json({"ok":true,"uninstalled":true})json"},
};

}  // namespace

std::optional<std::string_view> example_payload(std::string_view method, std::string_view name)
{
    for (const example& e : examples)
        if (e.method == method && e.name == name)
            return e.body;
    return std::nullopt;
}

}  // namespace slack::mock::detail
