// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "mock/authorize.hpp"

#include "web/form.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <initializer_list>
#include <utility>

namespace slack::mock::detail {

namespace urls = boost::urls;

namespace {

// The words are fixed: nothing from the request is echoed into the page.
outgoing_reply error_page(std::string_view problem)
{
    outgoing_reply reply;
    reply.status = 400;
    reply.content_type = "text/html; charset=utf-8";
    reply.body =
        "<html><head><title>Slack: something went wrong</title></head><body><h1>Something went wrong "
        "when authorizing this app.</h1><p>" +
        std::string(problem) + "</p></body></html>";
    return reply;
}

using query_fields = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// redirect_uri with `fields` added to its query (after what it has), its fragment kept in place.
outgoing_reply redirect_to(const urls::url_view& target, query_fields fields)
{
    std::string query(target.encoded_query());
    for (const auto& [key, value] : fields)
        web::detail::append_form_field(query, key, value);
    urls::url location(target);
    location.set_encoded_query(query);
    outgoing_reply reply;
    reply.status = 302;
    reply.location = std::string(location.buffer());
    reply.content_type = "text/html; charset=utf-8";
    reply.body = "<html><body>Redirecting to the app.</body></html>";
    return reply;
}

bool asks_to_decline(const parameters& query)
{
    constexpr std::string_view magic = "mock-decline";
    return query.get("scope").find(magic) != std::string_view::npos ||
           query.get("user_scope").find(magic) != std::string_view::npos;
}

}  // namespace

std::optional<authorize_flow> authorize_flow_of(std::string_view path)
{
    if (path == "/oauth/v2/authorize")
        return authorize_flow::oauth_v2;
    if (path == "/openid/connect/authorize")
        return authorize_flow::openid;
    return std::nullopt;
}

outgoing_reply authorize_page(mock_state& state, authorize_flow flow, std::string_view query)
{
    const std::optional<parameters> fields = parameters::from_form(query);
    if (!fields)
        return error_page("The request is not a valid query string.");
    if (fields->get("client_id") != state.options.client_id)
        return error_page("Invalid client_id parameter.");
    // Slack falls back to the app's configured Redirect URL; the exchange then sends none.
    const std::string_view sent_uri = fields->get("redirect_uri");
    const std::string_view redirect_uri = sent_uri.empty() ? std::string_view(state.options.redirect_url) : sent_uri;
    if (redirect_uri.empty())
        return error_page("No redirect_uri parameter was given, and no Redirect URL is configured for this app.");
    const auto target = urls::parse_uri(redirect_uri);
    if (!target)
        return error_page("Invalid redirect_uri parameter.");
    const std::string_view challenge = fields->get("code_challenge");
    if (!challenge.empty() && fields->get("code_challenge_method") != "S256")
        return error_page("Invalid code_challenge_method: only S256 is supported.");
    if (flow == authorize_flow::openid && fields->get("response_type") != "code")
        return error_page("Invalid response_type: only code is supported.");

    const std::string_view user_state = fields->get("state");
    if (state.options.decline_authorize || asks_to_decline(*fields))
        return redirect_to(*target, {{"error", "access_denied"}, {"state", user_state}});
    code_options minted{.redirect_uri = sent_uri, .code_challenge = challenge, .scope = fields->get("scope")};
    if (flow == authorize_flow::openid) {
        minted.method = "openid.connect.token";
        minted.nonce = fields->get("nonce");  // Slack puts it in the id_token, for the app to compare
    } else {
        minted.method = "oauth.v2.access";
        minted.user_scope = fields->get("user_scope");
    }
    const std::string code = state.codes.mint(minted);
    return redirect_to(*target, {{"code", code}, {"state", user_state}});
}

}  // namespace slack::mock::detail
