// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/behaviour.hpp"

#include "mock/authorize.hpp"
#include "mock/methods.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

namespace slack::mock::detail {

namespace json = boost::json;

namespace {

struct method_entry {
    std::string_view name;
    outgoing_reply (*handler)(mock_state&, method_call&);
    bool takes_json = false;  ///< an application/json object body is accepted, too
    bool needs_body = true;   ///< false: a bodiless POST (no Content-Type) is fine, the token in the header
};

constexpr std::array methods{
    method_entry{"oauth.access", oauth_access},
    method_entry{"oauth.v2.access", oauth_v2_access},
    method_entry{"oauth.v2.user.access", oauth_v2_user_access},
    method_entry{"oauth.v2.exchange", oauth_v2_exchange},
    method_entry{"openid.connect.token", openid_connect_token},
    method_entry{"openid.connect.userInfo", openid_connect_user_info, false, false},
    method_entry{"auth.test", auth_test, false, false},
    method_entry{"auth.revoke", auth_revoke, false, false},
    method_entry{"apps.uninstall", apps_uninstall},
    method_entry{"api.test", api_test, true, false},
};

const method_entry* find_method(std::string_view name)
{
    for (const method_entry& entry : methods)
        if (entry.name == name)
            return &entry;
    return nullptr;
}

constexpr std::string_view form_type = "application/x-www-form-urlencoded";

// Who asked, for the rate-limit windows: the bearer token, else the grant's single-use
// credential (a code, a refresh token, the token oauth.v2.exchange migrates); empty: the app.
std::string_view asking_credential(std::string_view authorization, const parameters& params)
{
    constexpr std::string_view bearer = "Bearer ";
    if (authorization.substr(0, bearer.size()) == bearer)
        return authorization.substr(bearer.size());
    for (const std::string_view field : {"code", "refresh_token", "token"})
        if (params.has(field))
            return params.get(field);
    return {};
}

// Tier enforcement (server_options::rate_limits), before the method runs: the workspace of
// `credential` and, for the methods counted per channel, the `channel` argument (a form's field,
// else a JSON body's member; an unreadable body counts without one, and the method refuses it).
std::optional<outgoing_reply> enforce_tier(mock_state& state, const method_call& call, std::string_view credential)
{
    std::string channel;
    if (state.tiers.per_channel(call.method)) {
        json::object arguments;
        if (!read_arguments(call, arguments))
            if (const json::value* named = arguments.if_contains("channel"); named && named->is_string())
                channel = named->as_string();
    }
    return state.tiers.admit(state.workspace_of(credential), call.method, channel);
}

// A boolean form field: true/1 or false/0; empty keeps `out`. False if it is neither.
bool read_flag(std::string_view value, bool& out)
{
    if (value == "true" || value == "1")
        out = true;
    else if (value == "false" || value == "0")
        out = false;
    else if (!value.empty())
        return false;
    return true;
}

}  // namespace

outgoing_reply oauth_app::handle(const incoming_request& request, std::string& credential)
{
    const std::size_t query_start = request.target.find('?');
    const std::string_view path = request.target.substr(0, query_start);
    const std::string_view query = query_start == std::string_view::npos ? "" : request.target.substr(query_start + 1);
    if (path == "/mock/codes" && request.method == "POST")
        return mint_code_over_http(request.body);
    if (path == "/mock/tokens" && request.method == "POST")
        return mint_tokens_over_http(request.body);
    if (path == "/mock/faults" && request.method == "POST")
        return faults_over_http(request.body);
    if (request.method == "GET")
        if (const auto flow = authorize_flow_of(path))
            return authorize_page(state_, *flow, query);
    if (path.substr(0, 5) != "/api/")
        return html_reply(404);
    // A user's handler (server::handle) takes any body, form or JSON, or none.
    static constexpr method_entry user_entry{"", nullptr, true, false};
    const std::string_view name = path.substr(5);
    const method_entry* entry = user_methods_.contains(name) ? &user_entry : find_method(name);
    if (!entry)
        return slack_error("unknown_method");
    // Like Slack, a GET takes its arguments from the query string alone.
    const bool get = request.method == "GET";
    if (!get && request.method != "POST")
        return slack_error("invalid_post_type");
    const std::string_view type = get ? "" : request.content_type.substr(0, request.content_type.find(';'));
    const bool bodiless = get || (type.empty() && request.body.empty() && !entry->needs_body);
    if (type.empty() && !bodiless)
        return slack_error("missing_post_type");
    if (!bodiless && type != form_type && !(entry->takes_json && type == "application/json"))
        return slack_error("invalid_post_type");
    // Slack reads arguments from the query string as well as the body; the body's win.
    std::optional<parameters> params = parameters::from_form(query);
    if (!params || (type == form_type && !params->add_form(request.body)))
        return slack_error("invalid_form_data");
    // Like Slack, a rate-limit window holds for its method and the workspace that asked only.
    const std::string_view asking = asking_credential(request.authorization, *params);
    if (const rate_window* window = state_.find_window(name, asking))
        if (auto limited = window_answer(*window))
            return *limited;
    method_call call{.method = name,
                     .authorization = request.authorization,
                     .media_type = type,
                     .body = request.body,
                     .params = *params,
                     .credential = credential};
    // Over its tier, a request is turned away unprocessed, as Slack does.
    if (state_.tiers.enabled())
        if (auto limited = enforce_tier(state_, call, asking))
            return *limited;
    return entry->handler ? entry->handler(state_, call) : user_methods_.answer(state_, call);
}

minted_tokens oauth_app::mint_tokens(const token_options& options)
{
    const auto owner = state_.tokens.install();
    owner->public_client = options.public_client;
    owner->team_id = options.team_id;
    return state_.tokens.mint(owner, options.kind, options.rotating, options.scope);
}

outgoing_reply oauth_app::mint_code_over_http(std::string_view body)
{
    const std::optional<parameters> fields = parameters::from_form(body);
    if (!fields)
        return slack_error("invalid_form_data");
    code_options options{.redirect_uri = fields->get("redirect_uri"),
                         .code_challenge = fields->get("code_challenge"),
                         .user_scope = fields->get("user_scope"),
                         .nonce = fields->get("nonce")};
    if (fields->has("method"))
        options.method = fields->get("method");
    else
        options.method = "oauth.access";  // what POST /mock/codes minted before it took a method
    if (fields->has("scope"))
        options.scope = fields->get("scope");
    try {
        std::string code = state_.codes.mint(options);
        return json_reply(json::object{
            {"ok", true}, {"code", std::move(code)}, {"expires_in", state_.options.code_lifetime.count()}});
    } catch (const std::invalid_argument&) {
        return slack_error("invalid_arguments");
    }
}

outgoing_reply oauth_app::mint_tokens_over_http(std::string_view body)
{
    const std::optional<parameters> fields = parameters::from_form(body);
    if (!fields)
        return slack_error("invalid_form_data");
    token_options options;
    const std::string_view kind = fields->get("kind");
    if (kind == "user")
        options.kind = token_kind::user;
    else if (!kind.empty() && kind != "bot")
        return slack_error("invalid_arguments");
    if (!read_flag(fields->get("rotating"), options.rotating) ||
        !read_flag(fields->get("public_client"), options.public_client))
        return slack_error("invalid_arguments");
    if (fields->has("scope"))
        options.scope = fields->get("scope");
    options.team_id = fields->get("team_id");
    const minted_tokens minted = mint_tokens(options);
    return json_reply(
        json::object{{"ok", true}, {"access_token", minted.access_token}, {"refresh_token", minted.refresh_token}});
}

outgoing_reply oauth_app::faults_over_http(std::string_view body)
{
    const std::optional<parameters> fields = parameters::from_form(body);
    if (!fields)
        return slack_error("invalid_form_data");
    const std::string_view count = fields->get("lose_refresh_answers");
    std::size_t lost = 0;
    const auto [end, failed] = std::from_chars(count.data(), count.data() + count.size(), lost);
    if (count.empty() || failed != std::errc() || end != count.data() + count.size())
        return slack_error("invalid_arguments");
    lose_refresh_answers(lost, fields->get("refresh_token"));
    return json_reply(json::object{{"ok", true}, {"lose_refresh_answers", lost}});
}

}  // namespace slack::mock::detail
