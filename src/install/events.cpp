// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Events API payloads with Boost.JSON: a tree is fine here (bodies are small and rare), and
// every field is read by hand so that a missing or mistyped one is event_malformed, not a throw.
#include <slack/install/events.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <optional>

namespace slack::install {

namespace json = boost::json;

namespace {

using parsed = boost::system::result<lifecycle_event>;

parsed malformed() { return {boost::system::in_place_error, install_errc::event_malformed}; }

/// The string member `key`, "" when absent or null, nullopt when of another type.
std::optional<std::string> optional_string(const json::object& o, std::string_view key)
{
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null())
        return std::string();
    if (!v->is_string())
        return std::nullopt;
    return std::string(v->get_string());
}

/// The bool member `key`, false when absent or null, nullopt when of another type.
std::optional<bool> optional_bool(const json::object& o, std::string_view key)
{
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null())
        return false;
    if (!v->is_bool())
        return std::nullopt;
    return v->get_bool();
}

/// The array of strings `key` in `o`, empty when absent or null.
std::optional<std::vector<std::string>> string_list(const json::object& o, std::string_view key)
{
    std::vector<std::string> out;
    const json::value* v = o.if_contains(key);
    if (!v || v->is_null())
        return out;
    if (!v->is_array())
        return std::nullopt;
    for (const json::value& item : v->get_array()) {
        if (!item.is_string())
            return std::nullopt;
        out.emplace_back(item.get_string());
    }
    return out;
}

struct workspace {
    std::string enterprise_id;
    std::string team_id;
    bool is_enterprise_install = false;
};

// Where an event happened: the envelope's ids, each falling back to the first authorization's
// (newer payloads may carry them only there).
std::optional<workspace> workspace_of(const json::object& envelope)
{
    const json::object* authorization = nullptr;
    if (const json::value* list = envelope.if_contains("authorizations");
        list && list->is_array() && !list->get_array().empty() && list->get_array()[0].is_object())
        authorization = &list->get_array()[0].get_object();
    const json::object empty;
    const json::object& fallback = authorization ? *authorization : empty;

    auto enterprise = optional_string(envelope, "enterprise_id");
    auto team = optional_string(envelope, "team_id");
    auto org_wide = optional_bool(envelope, "is_enterprise_install");
    auto fallback_enterprise = optional_string(fallback, "enterprise_id");
    auto fallback_team = optional_string(fallback, "team_id");
    auto fallback_org_wide = optional_bool(fallback, "is_enterprise_install");
    if (!enterprise || !team || !org_wide || !fallback_enterprise || !fallback_team || !fallback_org_wide)
        return std::nullopt;
    const json::value* flag = envelope.if_contains("is_enterprise_install");
    workspace w{enterprise->empty() ? *fallback_enterprise : *enterprise, team->empty() ? *fallback_team : *team,
                flag && !flag->is_null() ? *org_wide : *fallback_org_wide};
    // An org-wide install is named by its enterprise; a workspace install by its team.
    if (w.is_enterprise_install ? w.enterprise_id.empty() : w.team_id.empty())
        return std::nullopt;
    return w;
}

parsed tokens_revoked(const json::object& event, const workspace& w)
{
    tokens_revoked_event out{w.enterprise_id, w.team_id, w.is_enterprise_install, {}, {}};
    if (const json::value* tokens = event.if_contains("tokens"); tokens && !tokens->is_null()) {
        if (!tokens->is_object())
            return malformed();
        auto users = string_list(tokens->get_object(), "oauth");
        auto bots = string_list(tokens->get_object(), "bot");
        if (!users || !bots)
            return malformed();
        out.user_ids = std::move(*users);
        out.bot_ids = std::move(*bots);
    }
    return lifecycle_event(std::move(out));
}

parsed event_callback(const json::object& envelope)
{
    const json::value* event = envelope.if_contains("event");
    if (!event || !event->is_object())
        return malformed();
    const json::value* type = event->get_object().if_contains("type");
    if (!type || !type->is_string())
        return malformed();
    const std::string_view name = type->get_string();
    if (name != "app_uninstalled" && name != "tokens_revoked")
        return lifecycle_event(other_event{std::string(name)});
    const std::optional<workspace> w = workspace_of(envelope);
    if (!w)
        return malformed();
    if (name == "app_uninstalled")
        return lifecycle_event(app_uninstalled_event{w->enterprise_id, w->team_id, w->is_enterprise_install});
    return tokens_revoked(event->get_object(), *w);
}

}  // namespace

parsed parse_event(std::string_view body)
{
    boost::system::error_code ec;
    const json::value root = json::parse(body, ec);
    if (ec || !root.is_object())
        return malformed();
    const json::object& envelope = root.get_object();
    const json::value* type = envelope.if_contains("type");
    if (!type || !type->is_string())
        return malformed();
    const std::string_view name = type->get_string();
    if (name == "url_verification") {
        const json::value* challenge = envelope.if_contains("challenge");
        if (!challenge || !challenge->is_string() || challenge->get_string().empty())
            return malformed();
        return lifecycle_event(url_verification_event{std::string(challenge->get_string())});
    }
    if (name == "event_callback")
        return event_callback(envelope);
    return lifecycle_event(other_event{std::string(name)});
}

}  // namespace slack::install
