#include "mock/behaviour.hpp"

#include "mock/authorize.hpp"
#include "mock/methods.hpp"

#include <array>
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

}  // namespace

outgoing_reply oauth_app::handle(const incoming_request& request, std::string& credential)
{
    if (request.target == "/mock/codes" && request.method == "POST")
        return mint_code_over_http(request.body);
    if (request.target == "/mock/tokens" && request.method == "POST")
        return mint_tokens_over_http(request.body);
    const std::size_t query_start = request.target.find('?');
    if (request.method == "GET")
        if (const auto flow = authorize_flow_of(request.target.substr(0, query_start)))
            return authorize_page(state_, *flow,
                                  query_start == std::string_view::npos ? "" : request.target.substr(query_start + 1));
    if (request.target.substr(0, 5) != "/api/")
        return html_reply(404);
    const method_entry* entry = find_method(request.target.substr(5));
    if (!entry)
        return slack_error("unknown_method");
    if (request.method != "POST")
        return slack_error("invalid_post_type");
    const std::string_view type = request.content_type.substr(0, request.content_type.find(';'));
    const bool bodiless = type.empty() && request.body.empty() && !entry->needs_body;
    if (type.empty() && !bodiless)
        return slack_error("missing_post_type");
    if (!bodiless && type != form_type && !(entry->takes_json && type == "application/json"))
        return slack_error("invalid_post_type");
    // Like Slack, a rate-limit window holds for its method and workspace only.
    constexpr std::string_view bearer = "Bearer ";
    const std::string_view token =
        request.authorization.substr(0, bearer.size()) == bearer ? request.authorization.substr(bearer.size()) : "";
    if (const clock::time_point window_end = state_.window_end(entry->name, token); clock::now() < window_end) {
        const auto left = std::chrono::ceil<std::chrono::seconds>(window_end - clock::now());
        outgoing_reply reply = rate_limited_reply();
        reply.retry_after = std::to_string(left.count());
        return reply;
    }
    std::optional<parameters> params = type == form_type ? parameters::from_form(request.body) : parameters{};
    if (!params)
        return slack_error("invalid_form_data");
    method_call call{.method = entry->name,
                     .authorization = request.authorization,
                     .media_type = type,
                     .body = request.body,
                     .params = *params,
                     .credential = credential};
    return entry->handler(state_, call);
}

minted_tokens oauth_app::mint_tokens(const token_options& options)
{
    return state_.tokens.mint(state_.tokens.install(), options.kind, options.rotating, options.scope);
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
        return json_reply(json::object{{"ok", true}, {"code", std::move(code)},
                                       {"expires_in", state_.options.code_lifetime.count()}});
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
    const std::string_view kind = fields->get("kind"), rotating = fields->get("rotating");
    if (kind == "user")
        options.kind = token_kind::user;
    else if (!kind.empty() && kind != "bot")
        return slack_error("invalid_arguments");
    if (rotating == "false" || rotating == "0")
        options.rotating = false;
    else if (!rotating.empty() && rotating != "true" && rotating != "1")
        return slack_error("invalid_arguments");
    if (fields->has("scope"))
        options.scope = fields->get("scope");
    const minted_tokens minted = mint_tokens(options);
    return json_reply(json::object{{"ok", true}, {"access_token", minted.access_token},
                                   {"refresh_token", minted.refresh_token}});
}

}  // namespace slack::mock::detail
