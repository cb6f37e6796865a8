// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// What an installation store keeps: one app's installation in one workspace (or one Enterprise
/// Grid organization), and the key Slack's events name it by.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace slack::store {

/// The stores' clock: expiries, install times, nonce lifetimes.
using time_point = std::chrono::system_clock::time_point;

/// One token of an installation (the bot's, or a user's) and what goes with it. Every member has
/// a default, so that designated initializers may name only some (g++'s -Wextra).
struct token_grant {
    std::string token{};                     ///< xoxb-/xoxp-, or xoxe.xoxb-/xoxe.xoxp- when rotating.
    std::string refresh_token{};             ///< xoxe-1-...: only with token rotation.
    std::optional<time_point> expires_at{};  ///< Only with token rotation.
    std::string scopes{};                    ///< Comma-separated, as Slack sends them.
    std::string bot_id{};                    ///< B...: the bot's id (bot token only; may be empty).
    std::string user_id{};                   ///< The bot user (U...) or the installing user.
    /// Set by the store at every write of this grant, never to a value the key's grant had before
    /// (save() draws a random one, replace_grant() writes the one it swapped + 1). A refresh
    /// writes its new pair only if the revision it read is still the stored one
    /// (installation_store::replace_grant), so one that began before an uninstall and a reinstall
    /// does not overwrite the new install.
    std::int64_t revision = 0;
    /// Set (by the token provider) when the grant can no longer be refreshed: a refresh whose
    /// answer was lost twice, or whose re-send Slack refused. Non-empty: every token() for it fails
    /// with store_errc::reinstall_required and sends nothing, until a new install replaces it.
    /// Stores keep it as they keep the scopes.
    std::string reinstall_reason{};
};

/// An app's incoming webhook, when the install asked for one.
struct webhook {
    std::string url{};                ///< Where to POST messages (a secret: it needs no token).
    std::string channel{};            ///< The channel's name, as Slack sent it.
    std::string channel_id{};         ///< C...: the channel.
    std::string configuration_url{};  ///< The webhook's settings page.
};

/// One installation. An org-wide install (Enterprise Grid) has `is_enterprise_install` set and no
/// team id; a workspace install has a team id, and an enterprise id when the workspace is in one.
struct installation {
    std::string app_id{};                ///< A...: the app installed.
    std::string enterprise_id{};         ///< E...: the Enterprise Grid organization; empty outside one.
    std::string enterprise_name{};       ///< The organization's name.
    std::string team_id{};               ///< T...: the workspace; empty for an org-wide install.
    std::string team_name{};             ///< The workspace's name.
    bool is_enterprise_install = false;  ///< Installed on the whole organization (then team_id is empty).
    std::optional<token_grant> bot{};    ///< The bot token (an install with bot scopes).
    std::optional<token_grant> user{};   ///< The installing (or looked-up) user's token, if user scopes were granted.
    std::string user_id{};               ///< The installing user (authed_user.id).
    std::optional<webhook> incoming_webhook{};  ///< When the install asked for `incoming-webhook`.
    time_point installed_at{};                  ///< When the code was exchanged.
};

namespace detail {
/// False, but only once instantiated: a static_assert in a refused overload then names the fix.
template <class>
inline constexpr bool refused = false;
}  // namespace detail

/// An installation_key as the store's operations take it, `co_await store.find({e, t, u})`: views,
/// trivially destructible, because g++ 12 miscompiles a braced temporary with a destructor inside
/// a co_await expression (docs/stores.md says which shapes the headers refuse). The operation copies the ids before it returns.
struct installation_key_view {
    std::string_view enterprise_id{};  ///< E..., or empty.
    std::string_view team_id{};        ///< T..., or empty for an org-wide install.
    std::string_view user_id{};        ///< U...: asks for that user's grant too; may be empty.
};

/// How a store finds an installation: by enterprise and team as Slack's events name them.
/// A lookup with an enterprise id also finds that enterprise's org-wide install when there is no
/// install for the team itself. `user_id` asks for that user's token as well.
struct installation_key {
    std::string enterprise_id{};  ///< E..., or empty.
    std::string team_id{};        ///< T..., or empty for an org-wide install.
    std::string user_id{};        ///< U...: asks for that user's grant too; may be empty.

    /// Equal ids, each compared as bytes.
    friend bool operator==(const installation_key&, const installation_key&) = default;

    /// So that a named key passes to the store's operations as it is.
    operator installation_key_view() const& noexcept { return {enterprise_id, team_id, user_id}; }
    /// A temporary key is refused: its view would dangle, and g++ 12 miscompiles a braced one
    /// inside co_await (`co_await store.find(installation_key{...})` frees memory it never
    /// allocated). A template, so that the message names the fix.
    template <class Refused = void>
    operator installation_key_view() const&& noexcept
    {
        static_assert(detail::refused<Refused>,
                      "a temporary slack::store::installation_key: g++ 12 miscompiles it inside co_await, and a "
                      "view of it dangles. Pass the ids braced, e.g. store.find({.enterprise_id = e, .team_id = "
                      "t}), or name the key first: slack::store::installation_key key{...}; co_await "
                      "store.find(key);");
        return {};
    }
};

/// The ids a view names, copied.
inline installation_key to_key(installation_key_view key)
{
    return {std::string(key.enterprise_id), std::string(key.team_id), std::string(key.user_id)};
}

/// The key an installation is saved under (its user part under `user_id` as well).
inline installation_key key_of(const installation& i)
{
    return {i.enterprise_id, i.is_enterprise_install ? std::string() : i.team_id, {}};
}

/// Which grant of an installation: the bot's, or the user's named by the key.
enum class grant_kind {
    bot,   ///< installation::bot
    user,  ///< installation::user, of the key's user_id
};

}  // namespace slack::store
