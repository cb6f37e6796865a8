// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Fuzz target: a response body through interpret_reply (the envelope's one SAX pass) and the
// oauth.access field mapper, both checked against a Boost.JSON tree of the same body.
//
// Input: one byte choosing the HTTP status ('0'..'9' pick 200 201 204 302 400 404 429 500 502
// 503; other bytes wrap around), then the body.
#include "check.hpp"

#include "web/envelope.hpp"
#include "web/method_runner.hpp"

#include <slack/web/methods/oauth_access.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>

#include <slack/api_errc.hpp>
#include <slack/client_errc.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slack::web::detail {
extern template const response_table<access_response>& table_of<oauth_access>();
extern template const response_table<v2_access_response>& table_of<oauth_v2_access>();
}  // namespace slack::web::detail

namespace {

namespace json = boost::json;
using namespace slack::web::detail;
using boost::system::error_code;
using slack::web::access_response;

constexpr unsigned statuses[] = {200, 201, 204, 302, 400, 404, 429, 500, 502, 503};

// Checks each value as delivered, then hands it to the real oauth.access mapper.
struct checking_fields final : response_fields {
    table_builder<access_response> builder{table_of<slack::web::oauth_access>()};
    table_builder<slack::web::v2_access_response> v2{table_of<slack::web::oauth_v2_access>()};  // nested objects
    std::string_view body;
    std::size_t values = 0;

    void clear(std::string_view b) override
    {
        body = b;
        values = 0;
        builder.clear(b);
        v2.clear(b);
    }
    void on_value(const json_value& v) override
    {
        ++values;
        FUZZ_CHECK(v.depth >= 1 && v.depth <= 32);  // at most parse_options::max_depth
        FUZZ_CHECK(v.depth > 1 || v.parent.empty());
        switch (v.kind) {
        case json_kind::null:
        case json_kind::object:
        case json_kind::array: FUZZ_CHECK(v.text.empty()); break;
        case json_kind::boolean: FUZZ_CHECK(v.text == "true" || v.text == "false"); break;
        case json_kind::number:
            FUZZ_CHECK(!v.text.empty() && (v.text[0] == '-' || (v.text[0] >= '0' && v.text[0] <= '9')));
            break;
        case json_kind::string: break;
        }
        builder.on_value(v);
        v2.on_value(v);
    }
    error_code finish(std::string b, std::string& problem) override { return builder.finish(std::move(b), problem); }
};

std::size_t count_values(const json::value& v)
{
    std::size_t n = 0;
    if (const json::object* o = v.if_object())
        for (const auto& member : *o)
            n += 1 + count_values(member.value());
    else if (const json::array* a = v.if_array())
        for (const json::value& element : *a)
            n += 1 + count_values(element);
    return n;
}

// A member's string, "" when absent or not a string (how the mapper leaves it).
std::string_view text_of(const json::object* o, std::string_view key)
{
    if (!o)
        return {};
    const json::value* v = o->if_contains(key);
    const json::string* s = v ? v->if_string() : nullptr;
    return s ? std::string_view(*s) : std::string_view();
}

const json::object* object_of(const json::object& o, std::string_view key)
{
    const json::value* v = o.if_contains(key);
    return v ? v->if_object() : nullptr;
}

// `part` in order among `all` (duplicate keys may add warnings the tree keeps only once).
bool in_order_within(const std::vector<std::string_view>& part, const std::vector<std::string>& all)
{
    std::size_t i = 0;
    for (const std::string& s : all)
        if (i < part.size() && s == part[i])
            ++i;
    return i == part.size();
}

std::vector<std::string_view> strings_at(const json::object& top, std::string_view key)
{
    std::vector<std::string_view> out;
    const json::object* metadata = object_of(top, "response_metadata");
    const json::value* v = metadata ? metadata->if_contains(key) : nullptr;
    if (const json::array* a = v ? v->if_array() : nullptr)
        for (const json::value& element : *a)
            if (const json::string* s = element.if_string())
                out.emplace_back(*s);
    return out;
}

// The oauth.v2.access table: top-level texts, a nested object's members, booleans, integers.
void check_v2(const slack::web::v2_access_response& r, const json::object& top)
{
    FUZZ_CHECK(r.access_token() == text_of(&top, "access_token"));
    FUZZ_CHECK(r.refresh_token() == text_of(&top, "refresh_token"));
    const json::object* team = object_of(top, "team");
    FUZZ_CHECK(r.team().has_value() == (team != nullptr));
    if (team)
        FUZZ_CHECK(r.team()->id == text_of(team, "id") && r.team()->name == text_of(team, "name"));
    const json::object* user = object_of(top, "authed_user");
    FUZZ_CHECK(r.user().has_value() == (user != nullptr));
    if (user)
        FUZZ_CHECK(r.user()->access_token == text_of(user, "access_token"));
    const json::value* install = top.if_contains("is_enterprise_install");
    FUZZ_CHECK(r.is_enterprise_install() == (install && install->is_bool() && install->as_bool()));
    const json::value* expires = top.if_contains("expires_in");
    if (expires && expires->is_int64())
        FUZZ_CHECK(r.expires_in() && r.expires_in()->count() == expires->as_int64());
    else if (!expires || !expires->is_number())
        FUZZ_CHECK(!r.expires_in());
}

void check_response(const access_response& r, const json::object& top, std::string_view body)
{
    FUZZ_CHECK(r.body() == body);
    FUZZ_CHECK(r.access_token() == text_of(&top, "access_token"));
    FUZZ_CHECK(r.scope() == text_of(&top, "scope"));
    FUZZ_CHECK(r.team_name() == text_of(&top, "team_name"));
    FUZZ_CHECK(r.team_id() == text_of(&top, "team_id"));
    FUZZ_CHECK(r.user_id() == text_of(&top, "user_id"));
    const json::value* enterprise = top.if_contains("enterprise_id");
    FUZZ_CHECK(r.enterprise_id().has_value() == (enterprise && enterprise->is_string()));
    if (r.enterprise_id())
        FUZZ_CHECK(*r.enterprise_id() == text_of(&top, "enterprise_id"));

    const json::object* webhook = object_of(top, "incoming_webhook");
    FUZZ_CHECK(r.webhook().has_value() == (webhook != nullptr));
    if (webhook) {
        FUZZ_CHECK(r.webhook()->url == text_of(webhook, "url"));
        FUZZ_CHECK(r.webhook()->channel == text_of(webhook, "channel"));
        FUZZ_CHECK(r.webhook()->channel_id == text_of(webhook, "channel_id"));
        FUZZ_CHECK(r.webhook()->configuration_url == text_of(webhook, "configuration_url"));
    }
    const json::object* bot = object_of(top, "bot");
    FUZZ_CHECK(r.bot().has_value() == (bot != nullptr));
    if (bot) {
        FUZZ_CHECK(r.bot()->bot_user_id == text_of(bot, "bot_user_id"));
        FUZZ_CHECK(r.bot()->bot_access_token == text_of(bot, "bot_access_token"));
    }
    // Without escapes in the body, every text is a view into body(): nothing was copied.
    if (body.find('\\') == std::string_view::npos) {
        const std::string_view all = r.body();
        const auto inside = [&](std::string_view v) {
            return v.empty() || (v.data() >= all.data() && v.data() + v.size() <= all.data() + all.size());
        };
        FUZZ_CHECK(inside(r.access_token()) && inside(r.scope()) && inside(r.team_name()) && inside(r.team_id()) &&
                   inside(r.user_id()) && inside(r.enterprise_id().value_or("")));
        if (r.webhook())
            FUZZ_CHECK(inside(r.webhook()->url) && inside(r.webhook()->channel) && inside(r.webhook()->channel_id) &&
                       inside(r.webhook()->configuration_url));
        if (r.bot())
            FUZZ_CHECK(inside(r.bot()->bot_user_id) && inside(r.bot()->bot_access_token));
    }
    // scopes(): the non-empty items of scope, as views into it
    const std::string_view scope = r.scope();
    std::size_t items = 0;
    for (std::string_view item : r.scopes()) {
        FUZZ_CHECK(!item.empty() && item.find(',') == std::string_view::npos);
        FUZZ_CHECK(item.data() >= scope.data() && item.data() + item.size() <= scope.data() + scope.size());
        ++items;
    }
    std::size_t expected_items = 0;
    for (std::size_t i = 0; i < scope.size(); ++i)
        expected_items += scope[i] != ',' && (i + 1 == scope.size() || scope[i + 1] == ',');
    FUZZ_CHECK(items == expected_items);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    attempt_result reply;
    reply.response_received = true;
    reply.status = statuses[static_cast<unsigned char>(data[0] - '0') % std::size(statuses)];
    reply.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);

    slack::diagnostics diag;
    checking_fields fields;
    attempt_outcome summary;
    interpret_reply(reply, diag, fields, summary);
    const error_code result = summary.error;
    FUZZ_CHECK(summary.http_status == reply.status);

    // The same body as a tree: what the envelope should have concluded.
    error_code tree_error;
    const json::value tree = json::parse(reply.body, tree_error, {}, body_parse_options());
    const json::object* top = tree_error ? nullptr : tree.if_object();
    const json::value* ok = top ? top->if_contains("ok") : nullptr;
    const auto by_status = [&](error_code fallback) -> error_code {
        if (reply.status == 429)
            return slack::api_errc::ratelimited;
        if (reply.status < 200 || reply.status >= 300)
            return slack::client_errc::http_status;
        return fallback;
    };
    error_code expected;
    if (tree_error)
        expected = by_status(slack::client_errc::invalid_json);
    else if (!ok || !ok->is_bool())
        expected = by_status(slack::client_errc::unexpected_shape);
    else if (ok->as_bool())
        expected = {};
    else if (!top->if_contains("error") || !top->at("error").is_string())
        expected = slack::client_errc::unexpected_shape;
    else
        expected = slack::from_string(text_of(top, "error"));
    FUZZ_CHECK(result == expected);
    if (!top || !ok || !ok->is_bool())
        return 0;

    FUZZ_CHECK(fields.values >= count_values(tree));  // duplicates are delivered, the tree keeps one
    FUZZ_CHECK(diag.warning == text_of(top, "warning"));
    FUZZ_CHECK(in_order_within(strings_at(*top, "warnings"), diag.warnings));
    FUZZ_CHECK(in_order_within(strings_at(*top, "messages"), diag.messages));
    if (!ok->as_bool()) {
        FUZZ_CHECK(diag.error == text_of(top, "error"));
        FUZZ_CHECK(diag.needed == text_of(top, "needed"));
        FUZZ_CHECK(diag.provided == text_of(top, "provided"));
        return 0;
    }
    FUZZ_CHECK(diag.error.empty() && diag.needed.empty() && diag.provided.empty());

    // ok:true: the typed response. Usable only with a token and a team_id that is not mistyped.
    const json::value* team_id = top->if_contains("team_id");
    const bool usable =
        !text_of(top, "access_token").empty() && (!team_id || team_id->is_string() || team_id->is_null());
    FUZZ_CHECK(summary.ok);
    std::string v2_problem, problem;
    if (!fields.v2.finish(std::string(reply.body), v2_problem))
        check_v2(fields.v2.response, *top);
    const error_code finished = fields.finish(std::string(reply.body), problem);
    FUZZ_CHECK(!finished == usable);
    if (finished) {
        FUZZ_CHECK(finished == slack::client_errc::unexpected_shape);  // call_algorithm: outcome_unknown
        FUZZ_CHECK(!problem.empty());
        return 0;
    }
    access_response* typed = &fields.builder.response;
    check_response(*typed, *top, reply.body);
    FUZZ_CHECK(typed->raw() == *top);
    // The views must survive moves and copies (escaped texts live in a buffer of their own).
    access_response moved(std::move(*typed));
    check_response(moved, *top, reply.body);
    access_response copy(moved);
    access_response moved_copy(std::move(copy));
    check_response(moved_copy, *top, reply.body);
    access_response assigned;
    assigned = moved_copy;
    check_response(assigned, *top, reply.body);
    return 0;
}
