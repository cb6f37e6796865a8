// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The conformance cases (conformance.hpp). Tokens are compared without being printed: test output
// carries no token, not even a made-up one.
#include "store/conformance.hpp"

#include "printing.hpp"

#include <slack/store/resealable_store.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <exception>
#include <string>
#include <string_view>
#include <thread>

namespace slack::store::conformance {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

template <class T>
T value(store_result<T> r)
{
    BOOST_REQUIRE_MESSAGE(r.has_value(), "the operation failed: " << r.error().message());
    return std::move(*r);
}

void value(store_result<void> r)
{
    BOOST_REQUIRE_MESSAGE(r.has_value(), "the operation failed: " << r.error().message());
}

// One client of the backend's database, with its operations run to their end.
struct client {
    boost::asio::io_context& io;
    store_ptr store;

    template <class Operation>
    auto run(Operation operation)
    {
        return wait(io, std::move(operation));
    }

    void save(const installation& i) { value(run(store->save(i))); }
    std::optional<installation> find(const installation_key& key) { return value(run(store->find(key))); }
    std::size_t remove(const installation_key& key) { return value(run(store->remove(key))); }
    std::size_t remove_all(const installation_key& key) { return value(run(store->remove_all(key))); }
    bool replace(const installation_key& key, grant_kind kind, std::int64_t revision, const token_grant& grant)
    {
        return value(run(store->replace_grant(key, kind, revision, grant)));
    }
    bool lease(const installation_key& key, grant_kind kind, const std::string& owner, milliseconds duration = 10min)
    {
        return value(run(store->try_lease(key, kind, owner, duration)));
    }
    void release(const installation_key& key, grant_kind kind, const std::string& owner)
    {
        value(run(store->release_lease(key, kind, owner)));
    }
    installation_page list(const installation_key& after, std::size_t limit)
    {
        return value(run(store->list(after, limit)));
    }
    bool consume(const std::string& nonce, time_point expires_at)
    {
        return value(run(store->consume_nonce(nonce, expires_at)));
    }
};

client open_client(const backend& b) { return {b.io, b.open()}; }

client open_client(const backend& b, std::optional<token_key> key, std::vector<token_key> previous = {})
{
    return {b.io, b.open_with_key(std::move(key), std::move(previous))};
}

token_key first_key() { return token_key::from_base64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=").value(); }

token_key second_key() { return token_key::from_base64("ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM=").value(); }

time_point at_ms(std::int64_t ms) { return time_point(milliseconds(ms)); }

time_point in(milliseconds from_now) { return std::chrono::system_clock::now() + from_now; }

token_grant bot_grant(const std::string& tag)
{
    token_grant g;
    g.token = "xoxe.xoxb-1-" + tag;
    g.refresh_token = "xoxe-1-bot-" + tag;
    g.expires_at = at_ms(1'767'225'600'123);
    g.scopes = "chat:write,commands";
    g.bot_id = "B0" + tag;
    g.user_id = "U0BOT";
    return g;
}

// As a store keeps a user grant: its user is the one it is stored under, and it has no bot id.
token_grant user_grant(const std::string& tag, const std::string& user_id)
{
    token_grant g;
    g.token = "xoxe.xoxp-1-" + tag;
    g.refresh_token = "xoxe-1-user-" + tag;
    g.expires_at = at_ms(1'767'229'200'456);
    g.scopes = "search:read,users:read";
    g.user_id = user_id;
    return g;
}

// A workspace install with every field set, the installing user U1 with a grant.
installation workspace(const std::string& enterprise_id, const std::string& team_id)
{
    installation i;
    i.app_id = "A0APP";
    i.enterprise_id = enterprise_id;
    i.enterprise_name = enterprise_id.empty() ? "" : "Enterprise " + enterprise_id;
    i.team_id = team_id;
    i.team_name = "Team " + team_id;
    i.bot = bot_grant(team_id);
    i.user_id = "U1";
    i.user = user_grant(team_id, "U1");
    i.incoming_webhook = webhook{"https://hooks.slack.test/services/" + team_id, "#general", "C0GENERAL",
                                 "https://example.slack.test/services/B0HOOK"};
    i.installed_at = at_ms(1'764'590'400'789);
    return i;
}

// An org-wide install of Enterprise Grid: no team.
installation org_wide(const std::string& enterprise_id)
{
    installation i = workspace(enterprise_id, "");
    i.is_enterprise_install = true;
    i.team_name.clear();
    i.bot = bot_grant("ORG");
    i.user = user_grant("ORG", "U1");
    return i;
}

installation_key key(const std::string& enterprise_id, const std::string& team_id, const std::string& user_id = {})
{
    return {enterprise_id, team_id, user_id};
}

std::string time_text(const std::optional<time_point>& t)
{
    if (!t)
        return "none";
    return std::to_string(std::chrono::duration_cast<milliseconds>(t->time_since_epoch()).count()) + " ms";
}

std::string time_text(time_point t) { return time_text(std::optional<time_point>(t)); }

// A revision a case does not know: one the store drew (a save's), checked only to be set.
constexpr std::int64_t drawn_revision = 0;

void check_grant(const std::optional<token_grant>& got, const std::optional<token_grant>& want, std::string_view which,
                 std::int64_t revision = drawn_revision)
{
    BOOST_TEST_CONTEXT(which)
    {
        BOOST_TEST_REQUIRE(got.has_value() == want.has_value());
        if (!want)
            return;
        BOOST_CHECK_MESSAGE(got->token == want->token, "the token differs");
        BOOST_CHECK_MESSAGE(got->refresh_token == want->refresh_token, "the refresh token differs");
        BOOST_TEST(time_text(got->expires_at) == time_text(want->expires_at));
        BOOST_TEST(got->scopes == want->scopes);
        BOOST_TEST(got->bot_id == want->bot_id);
        BOOST_TEST(got->user_id == want->user_id);
        BOOST_TEST(got->reinstall_reason == want->reinstall_reason);
        if (revision == drawn_revision)
            BOOST_TEST(got->revision > 0);
        else
            BOOST_TEST(got->revision == revision);
    }
}

// Every field; the revisions as the store set them.
void check_installation(const installation& got, const installation& want, std::int64_t bot_revision = drawn_revision,
                        std::int64_t user_revision = drawn_revision)
{
    BOOST_TEST(got.app_id == want.app_id);
    BOOST_TEST(got.enterprise_id == want.enterprise_id);
    BOOST_TEST(got.enterprise_name == want.enterprise_name);
    BOOST_TEST(got.team_id == want.team_id);
    BOOST_TEST(got.team_name == want.team_name);
    BOOST_TEST(got.is_enterprise_install == want.is_enterprise_install);
    BOOST_TEST(got.user_id == want.user_id);
    check_grant(got.bot, want.bot, "bot grant", bot_revision);
    check_grant(got.user, want.user, "user grant", user_revision);
    BOOST_TEST_REQUIRE(got.incoming_webhook.has_value() == want.incoming_webhook.has_value());
    if (want.incoming_webhook) {
        BOOST_TEST(got.incoming_webhook->url == want.incoming_webhook->url);
        BOOST_TEST(got.incoming_webhook->channel == want.incoming_webhook->channel);
        BOOST_TEST(got.incoming_webhook->channel_id == want.incoming_webhook->channel_id);
        BOOST_TEST(got.incoming_webhook->configuration_url == want.incoming_webhook->configuration_url);
    }
    BOOST_TEST(time_text(got.installed_at) == time_text(want.installed_at));
}

std::optional<installation> require_found(client& c, const installation_key& k)
{
    std::optional<installation> found = c.find(k);
    BOOST_REQUIRE_MESSAGE(found.has_value(),
                          "nothing found under " << k.enterprise_id << "/" << k.team_id << "/" << k.user_id);
    return found;
}

}  // namespace

void round_trip_of_every_field(const backend& b)
{
    client c = open_client(b);
    const installation want = workspace("E1", "T1");
    c.save(want);
    check_installation(*require_found(c, key("E1", "T1")), want);
}

void round_trip_without_expiry_user_or_webhook(const backend& b)
{
    client c = open_client(b);
    installation want = workspace("", "T1");  // a workspace in no enterprise
    want.bot->expires_at.reset();
    want.bot->refresh_token.clear();
    want.bot->bot_id.clear();
    want.user.reset();  // the installing user granted no user scopes
    want.incoming_webhook.reset();
    c.save(want);
    check_installation(*require_found(c, key("", "T1")), want);
}

void round_trip_of_a_user_token_alone(const backend& b)
{
    client c = open_client(b);
    installation want = workspace("E1", "T1");
    want.bot.reset();
    want.user->expires_at.reset();
    want.user->refresh_token.clear();
    c.save(want);
    check_installation(*require_found(c, key("E1", "T1")), want);
    check_installation(*require_found(c, key("E1", "T1", "U1")), want);
}

void round_trip_of_an_enterprise_install(const backend& b)
{
    client c = open_client(b);
    installation saved = org_wide("E1");
    saved.team_id = "T-STRAY";  // an org-wide install has no team: it is kept under the enterprise alone
    c.save(saved);
    installation want = saved;
    want.team_id.clear();
    check_installation(*require_found(c, key("E1", "")), want);
    check_installation(*require_found(c, key("E1", "T9")), want);  // a team of the enterprise finds it too
}

void times_are_kept_to_the_millisecond(const backend& b)
{
    client c = open_client(b);
    installation saved = workspace("E1", "T1");
    saved.installed_at = at_ms(1'764'590'400'789) + std::chrono::microseconds(999);
    saved.bot->expires_at = at_ms(1'767'225'600'123) + std::chrono::nanoseconds(1);
    c.save(saved);
    const std::optional<installation> found = require_found(c, key("E1", "T1"));
    BOOST_TEST(time_text(found->installed_at) == time_text(at_ms(1'764'590'400'789)));
    BOOST_TEST(time_text(found->bot->expires_at) == time_text(at_ms(1'767'225'600'123)));
    BOOST_TEST((found->installed_at == at_ms(1'764'590'400'789)));
}

void a_missing_key_finds_nothing(const backend& b)
{
    client c = open_client(b);
    BOOST_TEST(!c.find(key("E1", "T1")).has_value());
    c.save(workspace("E1", "T1"));
    BOOST_TEST(!c.find(key("E1", "T2")).has_value());  // no org-wide install to fall back to
    BOOST_TEST(!c.find(key("", "T1")).has_value());    // keys name the enterprise exactly
    BOOST_TEST(!c.find(key("E2", "T1")).has_value());
    BOOST_TEST(!c.find(key("E1", "")).has_value());
}

void invalid_keys_are_refused(const backend& b)
{
    client c = open_client(b);
    const installation_key nothing{};
    const token_grant grant = bot_grant("T1");

    installation no_team = workspace("E1", "");
    BOOST_TEST(error_of(c.run(c.store->save(no_team))) == store_errc::invalid_key);
    installation org_without_enterprise = org_wide("");
    org_without_enterprise.team_id = "T1";
    BOOST_TEST(error_of(c.run(c.store->save(org_without_enterprise))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->find(nothing))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->remove(nothing))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->remove_all(nothing))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->replace_grant(nothing, grant_kind::bot, 1, grant))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->replace_grant({"E1", "T1"}, grant_kind::user, 1, grant))) ==
               store_errc::invalid_key);  // which user?
    // A kind that is neither bot nor user names no grant (the PostgreSQL store once took it for a
    // user grant that needs no user, and answered false).
    const auto no_kind = static_cast<grant_kind>(2);
    BOOST_TEST(error_of(c.run(c.store->replace_grant({"E1", "T1"}, no_kind, 1, grant))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->try_lease({"E1", "T1"}, no_kind, "A", 1min))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->release_lease({"E1", "T1"}, no_kind, "A"))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->try_lease(nothing, grant_kind::bot, "A", 1min))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->try_lease({"E1", "T1"}, grant_kind::user, "A", 1min))) ==
               store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->release_lease(nothing, grant_kind::bot, "A"))) == store_errc::invalid_key);
    BOOST_TEST(error_of(c.run(c.store->release_lease({"E1", "T1"}, grant_kind::user, "A"))) == store_errc::invalid_key);
    BOOST_TEST(!c.find(key("E1", "T1")).has_value());  // nothing was written
}

void a_team_falls_back_to_its_enterprise_install(const backend& b)
{
    client c = open_client(b);
    c.save(org_wide("E1"));
    c.save(workspace("E1", "T1"));
    BOOST_TEST(require_found(c, key("E1", "T1"))->team_id == "T1");  // its own install first
    const std::optional<installation> fallback = require_found(c, key("E1", "T2"));
    BOOST_TEST(fallback->is_enterprise_install);
    BOOST_TEST(fallback->team_id == "");
    check_grant(fallback->user, user_grant("ORG", "U1"), "the org-wide install's user grant");
    check_grant(require_found(c, key("E1", "T2", "U1"))->user, user_grant("ORG", "U1"), "looked up by user");
    BOOST_TEST(!c.find(key("", "T2")).has_value());  // without an enterprise, nothing to fall back to
    BOOST_TEST(require_found(c, key("E1", ""))->is_enterprise_install);
}

void user_grants_are_found_by_user(const backend& b)
{
    client c = open_client(b);
    installation first = workspace("E1", "T1");
    first.user = user_grant("first", "U1");
    c.save(first);
    installation second = first;  // installed again, by another user
    second.user_id = "U2";
    second.user = user_grant("second", "U2");
    c.save(second);

    const std::optional<installation> by_u1 = require_found(c, key("E1", "T1", "U1"));
    BOOST_TEST(by_u1->user_id == "U1");
    check_grant(by_u1->user, user_grant("first", "U1"), "U1's grant");
    const std::optional<installation> by_u2 = require_found(c, key("E1", "T1", "U2"));
    BOOST_TEST(by_u2->user_id == "U2");
    check_grant(by_u2->user, user_grant("second", "U2"), "U2's grant");
    const std::optional<installation> by_installer = require_found(c, key("E1", "T1"));
    BOOST_TEST(by_installer->user_id == "U2");  // the installing user is the latest save's
    check_grant(by_installer->user, user_grant("second", "U2"), "the installing user's grant");
    BOOST_TEST(!c.find(key("E1", "T1", "U3")).has_value());  // the install is there, U3's grant is not

    installation bot_only = first;  // saved again without a user grant: the stored grants stay
    bot_only.user.reset();
    c.save(bot_only);
    check_grant(require_found(c, key("E1", "T1", "U1"))->user, user_grant("first", "U1"), "U1's grant, kept",
                by_u1->user->revision);
}

void saving_again_replaces_and_gives_new_revisions(const backend& b)
{
    client c = open_client(b);
    c.save(workspace("E1", "T1"));
    const std::optional<installation> first = require_found(c, key("E1", "T1"));
    installation again = workspace("E1", "T1");
    again.team_name = "Renamed";
    again.bot = bot_grant("again");
    again.user = user_grant("again", "U1");
    again.incoming_webhook.reset();
    c.save(again);
    const std::optional<installation> second = require_found(c, key("E1", "T1"));
    check_installation(*second, again);
    BOOST_TEST(second->bot->revision != first->bot->revision);
    BOOST_TEST(second->user->revision != first->user->revision);

    installation without_bot = again;
    without_bot.bot.reset();
    c.save(without_bot);
    const std::optional<installation> found = require_found(c, key("E1", "T1"));
    BOOST_TEST(!found->bot.has_value());
    BOOST_TEST(found->user->revision != second->user->revision);
    BOOST_TEST(found->user->revision != first->user->revision);
}

void remove_takes_exactly_what_the_key_names(const backend& b)
{
    client c = open_client(b);
    installation install = workspace("E1", "T1");
    c.save(install);
    install.user_id = "U2";
    install.user = user_grant("T1", "U2");
    c.save(install);  // grants of U1 and U2
    c.save(org_wide("E1"));

    BOOST_TEST(c.remove(key("E1", "T1", "U1")) == 1u);  // one user's grant
    BOOST_TEST(!c.find(key("E1", "T1", "U1")).has_value());
    BOOST_TEST(require_found(c, key("E1", "T1", "U2"))->team_id == "T1");
    BOOST_TEST(c.remove(key("E1", "T1", "U9")) == 0u);

    BOOST_TEST(c.remove(key("E1", "T1")) == 2u);                           // the install and its remaining grant
    BOOST_TEST(require_found(c, key("E1", "T1"))->is_enterprise_install);  // now the org-wide one
    BOOST_TEST(c.remove(key("E1", "T1")) == 0u);
    BOOST_TEST(c.remove(key("E1", "T5")) == 0u);  // removal does not fall back to the org-wide install
    BOOST_TEST(c.remove(key("E1", "")) == 2u);
    BOOST_TEST(!c.find(key("E1", "T1")).has_value());
}

void remove_all_takes_a_team(const backend& b)
{
    client c = open_client(b);
    c.save(workspace("E1", "T1"));
    c.save(workspace("E1", "T2"));
    c.save(workspace("E2", "T3"));
    BOOST_TEST(c.remove_all(key("E1", "T1")) == 2u);  // the install and its user grant
    BOOST_TEST(!c.find(key("E1", "T1")).has_value());
    BOOST_TEST(c.find(key("E1", "T2")).has_value());
    BOOST_TEST(c.remove_all(key("", "T3")) == 2u);  // no enterprise named: the team in any
    BOOST_TEST(!c.find(key("E2", "T3")).has_value());
    BOOST_TEST(c.remove_all(key("E1", "T9")) == 0u);
    BOOST_TEST(c.find(key("E1", "T2")).has_value());
}

void remove_all_takes_an_enterprise(const backend& b)
{
    client c = open_client(b);
    c.save(org_wide("E1"));
    c.save(workspace("E1", "T1"));
    installation no_user = workspace("E1", "T2");
    no_user.user.reset();
    c.save(no_user);
    c.save(workspace("E2", "T3"));
    BOOST_TEST(c.remove_all(key("E1", "")) == 5u);  // three installs, two user grants
    BOOST_TEST(!c.find(key("E1", "")).has_value());
    BOOST_TEST(!c.find(key("E1", "T1")).has_value());
    BOOST_TEST(!c.find(key("E1", "T2")).has_value());
    BOOST_TEST(c.find(key("E2", "T3")).has_value());
}

void replace_grant_is_a_compare_and_swap(const backend& b)
{
    client c = open_client(b);
    c.save(workspace("E1", "T1"));
    const std::optional<installation> saved = require_found(c, key("E1", "T1"));
    const std::int64_t r = saved->bot->revision;
    const token_grant rotated = bot_grant("rotated");
    BOOST_TEST(c.replace(key("E1", "T1"), grant_kind::bot, r, rotated));
    std::optional<installation> found = require_found(c, key("E1", "T1"));
    check_grant(found->bot, rotated, "the rotated bot grant", r + 1);
    check_grant(found->user, user_grant("T1", "U1"), "the untouched user grant", saved->user->revision);

    BOOST_TEST(!c.replace(key("E1", "T1"), grant_kind::bot, r, bot_grant("stale")));  // revision r is gone
    check_grant(require_found(c, key("E1", "T1"))->bot, rotated, "the newer pair, kept", r + 1);
    BOOST_TEST(c.replace(key("E1", "T1"), grant_kind::bot, r + 1, bot_grant("third")));
    check_grant(require_found(c, key("E1", "T1"))->bot, bot_grant("third"), "the third pair", r + 2);

    c.save(org_wide("E9"));  // a team's key reaches the org-wide install's grant, as find does
    const std::int64_t org = require_found(c, key("E9", ""))->bot->revision;
    BOOST_TEST(c.replace(key("E9", "T7"), grant_kind::bot, org, rotated));
    check_grant(require_found(c, key("E9", ""))->bot, rotated, "the org-wide bot grant", org + 1);
}

void a_refresh_from_before_a_reinstall_loses_the_swap(const backend& b)
{
    client c = open_client(b);
    c.save(workspace("E1", "T1"));
    // A refresh reads the grants, then the workspace uninstalls and installs again before it writes.
    const std::optional<installation> read = require_found(c, key("E1", "T1", "U1"));
    BOOST_TEST(c.remove(key("E1", "T1")) == 2u);
    installation reinstalled = workspace("E1", "T1");
    reinstalled.bot = bot_grant("new-install");
    reinstalled.user = user_grant("new-install", "U1");
    c.save(reinstalled);
    BOOST_TEST(!c.replace(key("E1", "T1"), grant_kind::bot, read->bot->revision, bot_grant("old-install")));
    BOOST_TEST(
        !c.replace(key("E1", "T1", "U1"), grant_kind::user, read->user->revision, user_grant("old-install", "U1")));
    std::optional<installation> found = require_found(c, key("E1", "T1", "U1"));
    check_grant(found->bot, reinstalled.bot, "the new install's bot grant, kept");
    check_grant(found->user, reinstalled.user, "the new install's user grant, kept");
    BOOST_TEST(found->bot->revision != read->bot->revision);

    // The same after remove_all (app_uninstalled), and after a refresh of the old install.
    BOOST_TEST(c.replace(key("E1", "T1"), grant_kind::bot, found->bot->revision, bot_grant("refreshed")));
    const std::int64_t refreshed = found->bot->revision + 1;
    BOOST_TEST(c.remove_all(key("E1", "T1")) == 2u);
    c.save(reinstalled);
    BOOST_TEST(!c.replace(key("E1", "T1"), grant_kind::bot, refreshed, bot_grant("old-install")));
    BOOST_TEST(!c.replace(key("E1", "T1"), grant_kind::bot, found->bot->revision, bot_grant("old-install")));
    check_grant(require_found(c, key("E1", "T1"))->bot, reinstalled.bot, "the third install's bot grant, kept");
}

void replace_grant_of_a_user_grant(const backend& b)
{
    client c = open_client(b);
    c.save(workspace("E1", "T1"));
    const std::optional<installation> saved = require_found(c, key("E1", "T1", "U1"));
    const std::int64_t r = saved->user->revision;
    token_grant rotated = user_grant("rotated", "U-OTHER");
    rotated.bot_id = "B-IGNORED";  // a store keeps neither: the grant is U1's and a user grant has no bot
    BOOST_TEST(c.replace(key("E1", "T1", "U1"), grant_kind::user, r, rotated));
    const std::optional<installation> found = require_found(c, key("E1", "T1", "U1"));
    check_grant(found->user, user_grant("rotated", "U1"), "the rotated user grant", r + 1);
    check_grant(found->bot, bot_grant("T1"), "the untouched bot grant", saved->bot->revision);
    BOOST_TEST(!c.replace(key("E1", "T1", "U1"), grant_kind::user, r, user_grant("stale", "U1")));
    check_grant(require_found(c, key("E1", "T1", "U1"))->user, user_grant("rotated", "U1"), "kept", r + 1);
}

void a_grant_marked_for_reinstall_keeps_its_reason(const backend& b)
{
    client c = open_client(b);
    client other = open_client(b);
    c.save(workspace("E1", "T1"));
    // The token provider marks a grant by writing it back, same tokens, with a reason.
    const std::optional<installation> stored = require_found(c, key("E1", "T1", "U1"));
    token_grant bot = *stored->bot;
    bot.reinstall_reason = "the refresh's answer was lost twice";
    token_grant user = *stored->user;
    user.reinstall_reason = "Slack refused the re-sent refresh token";
    BOOST_TEST(c.replace(key("E1", "T1"), grant_kind::bot, stored->bot->revision, bot));
    BOOST_TEST(c.replace(key("E1", "T1", "U1"), grant_kind::user, stored->user->revision, user));

    const std::optional<installation> marked = require_found(other, key("E1", "T1", "U1"));
    check_grant(marked->bot, bot, "the marked bot grant", stored->bot->revision + 1);
    check_grant(marked->user, user, "the marked user grant", stored->user->revision + 1);
    const installation_page page = other.list({}, 10);
    BOOST_TEST_REQUIRE(page.installations.size() == 1u);
    check_grant(page.installations[0].bot, bot, "the listed bot grant", stored->bot->revision + 1);
    check_grant(page.installations[0].user, user, "the listed user grant", stored->user->revision + 1);

    // A new install replaces the marked grants, reasons and all.
    const installation reinstalled = workspace("E1", "T1");
    c.save(reinstalled);
    const std::optional<installation> found = require_found(other, key("E1", "T1", "U1"));
    BOOST_TEST(found->bot->reinstall_reason == "");
    BOOST_TEST(found->user->reinstall_reason == "");

    // A reason saved with an installation is kept as well, in a workspace and an org-wide install.
    installation saved_marked = org_wide("E2");
    saved_marked.bot->reinstall_reason = "bot reason";
    saved_marked.user->reinstall_reason = "user reason";
    c.save(saved_marked);
    const std::optional<installation> org = require_found(other, key("E2", "T5"));
    BOOST_TEST(org->bot->reinstall_reason == "bot reason");
    BOOST_TEST(org->user->reinstall_reason == "user reason");
}

void replace_grant_of_what_is_not_there(const backend& b)
{
    client c = open_client(b);
    BOOST_TEST(!c.replace(key("E1", "T1"), grant_kind::bot, 1, bot_grant("T1")));  // no install
    installation no_bot = workspace("E1", "T1");
    no_bot.bot.reset();
    c.save(no_bot);
    BOOST_TEST(!c.replace(key("E1", "T1"), grant_kind::bot, 1, bot_grant("T1")));                // no bot grant
    BOOST_TEST(!c.replace(key("E1", "T1", "U9"), grant_kind::user, 1, user_grant("T1", "U9")));  // no such user
    BOOST_TEST(!require_found(c, key("E1", "T1"))->bot.has_value());
    BOOST_TEST(!c.find(key("E1", "T1", "U9")).has_value());
}

void racing_replace_grant_has_one_winner(const backend& b)
{
    client first = open_client(b);
    client second = open_client(b);
    first.save(workspace("E1", "T1"));
    const std::int64_t read = require_found(first, key("E1", "T1"))->bot->revision;

    // Both read the same revision and refresh; both writes are in flight at once. (Moved, never
    // copied: in Boost 1.81 result<bool> copied from a non-const lvalue is a new result holding bool(r).)
    std::optional<store_result<bool>> first_won, second_won;
    first.store->replace_grant({"E1", "T1"}, grant_kind::bot, read, bot_grant("first"),
                               [&](store_result<bool> r) { first_won.emplace(std::move(r)); });
    second.store->replace_grant({"E1", "T1"}, grant_kind::bot, read, bot_grant("second"),
                                [&](store_result<bool> r) { second_won.emplace(std::move(r)); });
    BOOST_TEST_REQUIRE(run_until(b.io, [&] { return first_won && second_won; }));
    const bool first_wins = value(std::move(*first_won));
    BOOST_TEST(first_wins != value(std::move(*second_won)));
    check_grant(require_found(second, key("E1", "T1"))->bot, bot_grant(first_wins ? "first" : "second"),
                "the winner's pair", read + 1);
}

void a_lease_is_exclusive_until_released(const backend& b)
{
    client a = open_client(b);
    client other = open_client(b);
    const installation_key k = key("E1", "T1");
    BOOST_TEST(a.lease(k, grant_kind::bot, "A"));
    BOOST_TEST(!other.lease(k, grant_kind::bot, "B"));  // refused to a second owner
    BOOST_TEST(a.lease(k, grant_kind::bot, "A"));       // renewed by the holder
    other.release(k, grant_kind::bot, "B");             // not B's to give back
    BOOST_TEST(!other.lease(k, grant_kind::bot, "B"));
    BOOST_TEST(other.lease(key("E1", "T1", "U1"), grant_kind::user, "B"));  // another grant, another lease
    BOOST_TEST(a.lease(key("E1", "T1", "U2"), grant_kind::user, "A"));
    BOOST_TEST(!a.lease(key("E1", "T1", "U1"), grant_kind::user, "A"));
    a.release(k, grant_kind::bot, "A");
    BOOST_TEST(other.lease(k, grant_kind::bot, "B"));
    BOOST_TEST(!a.lease(k, grant_kind::bot, "A"));
}

void a_lease_belongs_to_its_grant(const backend& b)
{
    client a = open_client(b);
    client other = open_client(b);
    a.save(org_wide("E1"));
    a.save(workspace("E1", "T3"));
    BOOST_TEST(a.lease(key("E1", "T1"), grant_kind::bot, "A"));
    BOOST_TEST(!other.lease(key("E1", "T2"), grant_kind::bot, "B"));  // the same org-wide bot grant
    BOOST_TEST(!other.lease(key("E1", ""), grant_kind::bot, "B"));
    BOOST_TEST(!other.lease(key("E1", "T1", "U5"), grant_kind::bot, "B"));  // a bot lease names no user
    BOOST_TEST(other.lease(key("E1", "T3"), grant_kind::bot, "B"));         // a team with its own install
    a.release(key("E1", "T2"), grant_kind::bot, "A");
    BOOST_TEST(other.lease(key("E1", ""), grant_kind::bot, "B"));
}

void expired_leases_and_nonces_stop_blocking(const backend& b)
{
    client a = open_client(b);
    client other = open_client(b);
    const installation_key k = key("E1", "T1");
    const auto taken = std::chrono::system_clock::now();
    // Long enough for the four calls below to come first, even on a loaded machine whose
    // PostgreSQL takes a few hundred milliseconds per commit (1 s was not, under ctest -j2).
    constexpr auto lifetime = 3000ms;
    BOOST_TEST(a.lease(k, grant_kind::bot, "A", lifetime));
    BOOST_TEST(a.consume("state-1", taken + lifetime));
    BOOST_TEST(!other.lease(k, grant_kind::bot, "B"));
    BOOST_TEST(!other.consume("state-1", in(10min)));
    std::this_thread::sleep_until(taken + lifetime + 100ms);
    BOOST_TEST(other.lease(k, grant_kind::bot, "B"));  // after the lease expired
    BOOST_TEST(other.consume("state-1", in(10min)));   // after the record expired
    BOOST_TEST(!a.lease(k, grant_kind::bot, "A"));
}

void a_nonce_is_consumed_once(const backend& b)
{
    client a = open_client(b);
    client other = open_client(b);
    BOOST_TEST(a.consume("state-1", in(10min)));
    BOOST_TEST(!other.consume("state-1", in(10min)));  // a replay, from another replica
    BOOST_TEST(!a.consume("state-1", in(10min)));
    BOOST_TEST(a.consume("state-2", in(10min)));
    BOOST_TEST(a.consume("state-3", in(-1s)));  // recorded already expired: blocks nothing
    BOOST_TEST(other.consume("state-3", in(10min)));
    BOOST_TEST(!a.consume("state-3", in(10min)));
}

std::string keys_of(const installation_page& page)
{
    std::string out;
    for (const installation& i : page.installations)
        out += i.enterprise_id + "/" + i.team_id + " ";
    return out;
}

std::string next_of(const installation_page& page)
{
    return page.next ? page.next->enterprise_id + "/" + page.next->team_id : "end";
}

void list_pages_through_every_installation_in_key_order(const backend& b)
{
    client c = open_client(b);
    BOOST_TEST(keys_of(c.list({}, max_page_size)) == "");
    BOOST_TEST(next_of(c.list({}, max_page_size)) == "end");
    // Saved out of order. Byte order: "TB" before "Ta" (a collation that ignores case would put
    // "Ta" first), an enterprise's org-wide install (team '') before its workspaces.
    for (const installation& i : {workspace("E2", "T3"), workspace("", "Ta"), workspace("E1", "T1"), org_wide("E1"),
                                  workspace("", "TB"), workspace("E1", "T2")})
        c.save(i);

    const installation_page first = c.list({}, 2);
    BOOST_TEST(keys_of(first) == "/TB /Ta ");
    BOOST_TEST(next_of(first) == "/Ta");
    const installation_page second = c.list(*first.next, 2);
    BOOST_TEST(keys_of(second) == "E1/ E1/T1 ");
    const installation_page last = c.list(*second.next, 2);
    BOOST_TEST(keys_of(last) == "E1/T2 E2/T3 ");
    BOOST_TEST(next_of(last) == "end");  // six installations: the third page of two is the last
    BOOST_TEST(keys_of(c.list({}, 6)) == "/TB /Ta E1/ E1/T1 E1/T2 E2/T3 ");
    BOOST_TEST(next_of(c.list({}, 5)) == "E1/T2");

    // `after` need not be stored, and its user is ignored.
    BOOST_TEST(keys_of(c.list(key("E1", "T1x", "U1"), 10)) == "E1/T2 E2/T3 ");
    BOOST_TEST(keys_of(c.list(key("E9", ""), 10)) == "");
}

void listed_installations_are_as_find_gives_them(const backend& b)
{
    client c = open_client(b);
    installation first = workspace("E1", "T1");
    c.save(first);
    installation again = first;  // installed again by U2: U2 is the installing user now
    again.user_id = "U2";
    again.user = user_grant("second", "U2");
    c.save(again);
    installation no_user = workspace("E1", "T2");
    no_user.user.reset();
    no_user.incoming_webhook.reset();
    c.save(no_user);
    c.save(org_wide("E1"));

    const installation_page page = c.list({}, 10);
    BOOST_TEST_REQUIRE(page.installations.size() == 3u);
    for (const installation& listed : page.installations)
        BOOST_TEST_CONTEXT(listed.enterprise_id << "/" << listed.team_id)
        {
            const std::optional<installation> found = require_found(c, key_of(listed));
            check_installation(listed, *found, found->bot ? found->bot->revision : drawn_revision,
                               found->user ? found->user->revision : drawn_revision);
        }
    check_grant(page.installations[1].user, user_grant("second", "U2"), "the installing user's grant");
    BOOST_TEST(!page.installations[2].user.has_value());
    BOOST_TEST(page.installations[0].is_enterprise_install);
}

void list_refuses_bad_page_sizes(const backend& b)
{
    client c = open_client(b);
    c.save(workspace("E1", "T1"));
    BOOST_TEST(error_of(c.run(c.store->list({}, 0))) == store_errc::invalid_page_size);
    BOOST_TEST(error_of(c.run(c.store->list({}, max_page_size + 1))) == store_errc::invalid_page_size);
    BOOST_TEST(keys_of(c.list({}, max_page_size)) == "E1/T1 ");
}

void a_second_client_sees_the_first_clients_writes(const backend& b)
{
    client a = open_client(b);
    client other = open_client(b);
    const installation want = workspace("E1", "T1");
    a.save(want);
    const std::optional<installation> seen = require_found(other, key("E1", "T1"));
    check_installation(*seen, want);
    BOOST_TEST(other.replace(key("E1", "T1"), grant_kind::bot, seen->bot->revision, bot_grant("rotated")));
    check_grant(require_found(a, key("E1", "T1"))->bot, bot_grant("rotated"), "rotated by the other",
                seen->bot->revision + 1);
    BOOST_TEST(other.remove(key("E1", "T1")) == 2u);
    BOOST_TEST(!a.find(key("E1", "T1")).has_value());
}

void completion_is_on_the_handlers_executor_never_inline(const backend& b)
{
    client c = open_client(b);
    auto strand = boost::asio::make_strand(b.io);
    // Starts an operation with a handler bound to the strand; checks where and when it runs.
    auto check = [&](std::string_view what, auto start) {
        bool started = false, done = false, on_strand = false, after_start = false;
        start(boost::asio::bind_executor(strand, [&](auto) {
            done = true;
            on_strand = strand.running_in_this_thread();
            after_start = started;
        }));
        started = true;
        BOOST_TEST_CONTEXT(what)
        {
            BOOST_TEST_REQUIRE(run_until(b.io, [&] { return done; }));
            BOOST_TEST(on_strand);
            BOOST_TEST(after_start);  // not inside the initiating call
        }
    };
    const installation install = workspace("E1", "T1");
    check("save", [&](auto handler) { c.store->save(install, std::move(handler)); });
    check("find", [&](auto handler) { c.store->find({"E1", "T1"}, std::move(handler)); });
    check("find, refused", [&](auto handler) { c.store->find({}, std::move(handler)); });
    check("replace_grant", [&](auto handler) {
        c.store->replace_grant({"E1", "T1"}, grant_kind::bot, 1, bot_grant("x"), std::move(handler));
    });
    check("consume_nonce", [&](auto handler) { c.store->consume_nonce("n", in(1min), std::move(handler)); });
    check("release_lease", [&](auto handler) {
        c.store->release_lease({"E1", "T1"}, grant_kind::bot, "A", std::move(handler));
    });
}

void operations_take_any_completion_token(const backend& b)
{
    client c = open_client(b);

    // A plain callback.
    std::optional<store_result<void>> saved;
    c.store->save(workspace("E1", "T1"), [&](store_result<void> r) { saved.emplace(std::move(r)); });
    BOOST_TEST_REQUIRE(run_until(b.io, [&] { return saved.has_value(); }));
    value(*saved);

    // A coroutine: use_awaitable, and the default token (deferred) awaited.
    const std::string enterprise = "E-LONGER-THAN-SMALL-STRINGS", team = "T-LONGER-THAN-SMALL-STRINGS";
    c.save(workspace(enterprise, team));
    bool finished = false;
    std::exception_ptr thrown;
    std::optional<installation> found, found_braced;
    std::size_t removed = 0;
    bool first_use = false;
    auto body = [&]() -> boost::asio::awaitable<void> {
        const installation_key k = key("E1", "T1");
        store_result<std::optional<installation>> r = co_await c.store->find(k, boost::asio::use_awaitable);
        found = value(std::move(r));
        // The braced key users write: a view, so g++ 12 does not free its heap-allocated copies twice.
        store_result<std::optional<installation>> braced = co_await c.store->find({enterprise, team, "U1"});
        found_braced = value(std::move(braced));
        const std::string nonce = "state-1";  // named: no temporary with a destructor inside co_await (g++ 12)
        store_result<bool> consumed = co_await c.store->consume_nonce(nonce, in(1min));
        first_use = value(std::move(consumed));
        store_result<std::size_t> count = co_await c.store->remove(k, boost::asio::deferred);
        removed = value(std::move(count));
    };
    boost::asio::co_spawn(b.io, std::move(body), [&](std::exception_ptr e) {
        thrown = e;
        finished = true;
    });
    BOOST_TEST_REQUIRE(run_until(b.io, [&] { return finished; }));
    BOOST_TEST_REQUIRE(!thrown);
    BOOST_TEST(found.has_value());
    BOOST_TEST(found_braced.has_value());
    BOOST_TEST(first_use);
    BOOST_TEST(removed == 2u);
}

void sealed_tokens_round_trip(const backend& b)
{
    client c = open_client(b, first_key());
    const installation want = workspace("E1", "T1");
    c.save(want);
    const std::optional<installation> saved = require_found(c, key("E1", "T1"));
    check_installation(*saved, want);
    BOOST_TEST(c.replace(key("E1", "T1"), grant_kind::bot, saved->bot->revision, bot_grant("rotated")));
    BOOST_TEST(c.replace(key("E1", "T1", "U1"), grant_kind::user, saved->user->revision, user_grant("rotated", "U1")));
    const std::optional<installation> found = require_found(c, key("E1", "T1", "U1"));
    check_grant(found->bot, bot_grant("rotated"), "the sealed, rotated bot grant", saved->bot->revision + 1);
    check_grant(found->user, user_grant("rotated", "U1"), "the sealed, rotated user grant", saved->user->revision + 1);
    client again = open_client(b, first_key());
    check_installation(*require_found(again, key("E1", "T1")), *found, found->bot->revision, found->user->revision);

    c.save(org_wide("E9"));  // replaced through a team's key, sealed for the org-wide row it lands in
    const std::int64_t org = require_found(c, key("E9", ""))->bot->revision;
    BOOST_TEST(c.replace(key("E9", "T7"), grant_kind::bot, org, bot_grant("org-rotated")));
    check_grant(require_found(again, key("E9", ""))->bot, bot_grant("org-rotated"), "the sealed org-wide grant",
                org + 1);
}

void a_wrong_key_cannot_open_sealed_tokens(const backend& b)
{
    client c = open_client(b, first_key());
    c.save(workspace("E1", "T1"));
    client wrong = open_client(b, second_key());
    BOOST_TEST(error_of(wrong.run(wrong.store->find({"E1", "T1"}))) == store_errc::decryption_failed);
}

void sealed_tokens_need_a_key(const backend& b)
{
    client c = open_client(b, first_key());
    c.save(workspace("E1", "T1"));
    client keyless = open_client(b, std::nullopt);
    BOOST_TEST(error_of(keyless.run(keyless.store->find({"E1", "T1"}))) == store_errc::encryption_required);
}

namespace {

// The token columns of the tables, and SQL to read or set them behind the store's back. Sealed
// values are base64 and colons: they go into SQL text as they are.
struct token_columns {
    const char* table;
    const char* token;
    const char* refresh_token;
};
constexpr token_columns bot_columns{"slack_installations", "bot_token", "bot_refresh_token"};
constexpr token_columns user_columns{"slack_user_grants", "token", "refresh_token"};

// The grant's row: team `team`'s, of U1 among the user grants.
std::string grant_of(const token_columns& c, const std::string& team)
{
    return " WHERE team_id = '" + team + "'" + (c.table == bot_columns.table ? "" : " AND user_id = 'U1'");
}

// The grant's stored token and refresh token.
std::vector<std::string> stored_pair(const backend& b, const token_columns& c, const std::string& team)
{
    std::vector<std::string> pair =
        b.sql(std::string("SELECT ") + c.token + ", " + c.refresh_token + " FROM " + c.table + grant_of(c, team));
    BOOST_REQUIRE_EQUAL(pair.size(), 2u);
    return pair;
}

void set_column(const backend& b, const token_columns& c, const char* column, const std::string& team,
                const std::string& value)
{
    b.sql(std::string("UPDATE ") + c.table + " SET " + column + " = '" + value + "'" + grant_of(c, team));
}

void set_pair(const backend& b, const token_columns& c, const std::string& team, const std::vector<std::string>& pair)
{
    set_column(b, c, c.token, team, pair.at(0));
    set_column(b, c, c.refresh_token, team, pair.at(1));
}

// Every token column's value in the database that is not empty.
std::vector<std::string> stored_tokens(const backend& b)
{
    std::vector<std::string> out;
    for (const token_columns& c : {bot_columns, user_columns})
        for (std::string& value : b.sql(std::string("SELECT ") + c.token + ", " + c.refresh_token + " FROM " + c.table))
            if (!value.empty())
                out.push_back(std::move(value));
    return out;
}

// How many stored values are sealed under `key` (its id after the format's prefix).
std::size_t sealed_under(const backend& b, const token_key& key)
{
    const std::string prefix = "sealed:v2:" + key.id() + ":";
    std::size_t count = 0;
    for (const std::string& value : stored_tokens(b))
        count += value.starts_with(prefix) ? 1 : 0;
    return count;
}

resealable_store& resealable(client& c)
{
    auto* store = dynamic_cast<resealable_store*>(c.store.get());
    BOOST_REQUIRE_MESSAGE(store, "a backend that seals tokens is a resealable_store");
    return *store;
}

// Reseals the whole store, two installations a page; yields how many grants were sealed anew.
std::size_t reseal_all(client& c, clear_tokens clear)
{
    installation_key after;
    std::size_t grants = 0;
    for (;;) {
        const reseal_page page = value(c.run(resealable(c).reseal(after, 2, clear)));
        grants += page.grants;
        if (!page.next)
            return grants;
        after = *page.next;
    }
}

// Sealed by this library before sealed values named their key (format v1), under first_key(), for
// row E1/T1: bot_grant("T1")'s token and refresh token, then user_grant("T1", "U1")'s.
const std::vector<std::string> v1_bot_pair = {
    "sealed:v1:LVZalTz8PUiQl93++YiGBRgwNUhJ4yMOZPdTNCjnFBB7fQyu5GqEG8X0",
    "sealed:v1:PrN7+gvIRzAds5xoyQrRSQalkAWBXDw3rT4YARuM0ENI2aUW6qzSptE=",
};
const std::vector<std::string> v1_user_pair = {
    "sealed:v1:xXwqW9Gc+NH9XQpmE5BkvTyU/XeEXlGTFsn7S2RNvP06Ddo8JaB//YOT",
    "sealed:v1:SVrTs2YZW5VUEb7VGLLSJefc6DrZn+Kw+qKHAD0Ad1ljok2SNCBYaJFZ",
};

}  // namespace

void a_token_in_the_clear_is_refused_with_a_key(const backend& b)
{
    client c = open_client(b, first_key());
    const installation install = workspace("E1", "T1");
    // Whoever can write the table but has not the key plants a token, in any of the four columns.
    for (const token_columns& table : {bot_columns, user_columns})
        for (const char* column : {table.token, table.refresh_token})
            BOOST_TEST_CONTEXT(table.table << "." << column)
            {
                c.save(install);
                set_column(b, table, column, "T1", "xoxe.xoxb-1-planted");
                BOOST_TEST(error_of(c.run(c.store->find({"E1", "T1", "U1"}))) == store_errc::encryption_required);
                BOOST_TEST(error_of(c.run(c.store->list({}, 10))) == store_errc::encryption_required);
            }
    // A store given a key reads no token written without one, until resealed (reseal_seals_...).
    client keyless = open_client(b, std::nullopt);
    keyless.save(workspace("E2", "T2"));
    BOOST_TEST(error_of(c.run(c.store->find({"E2", "T2"}))) == store_errc::encryption_required);
}

void an_older_sealed_pair_does_not_open_in_a_newer_row(const backend& b)
{
    client c = open_client(b, first_key());
    for (const token_columns& table : {bot_columns, user_columns})
        BOOST_TEST_CONTEXT(table.table)
        {
            const grant_kind kind = table.table == bot_columns.table ? grant_kind::bot : grant_kind::user;
            const installation_key k = key("E1", "T1", kind == grant_kind::user ? "U1" : "");
            c.save(workspace("E1", "T1"));
            const std::vector<std::string> older = stored_pair(b, table, "T1");
            // Refreshed: the row holds a newer pair. The older one, copied back, does not open.
            const std::optional<installation> read = require_found(c, k);
            const std::int64_t revision = kind == grant_kind::bot ? read->bot->revision : read->user->revision;
            const token_grant newer = kind == grant_kind::bot ? bot_grant("newer") : user_grant("newer", "U1");
            BOOST_TEST(c.replace(k, kind, revision, newer));
            set_pair(b, table, "T1", older);
            BOOST_TEST(error_of(c.run(c.store->find(k))) == store_errc::decryption_failed);
            // Nor in a new install of the same key.
            BOOST_TEST(c.remove(key("E1", "T1")) == 2u);
            c.save(workspace("E1", "T1"));
            set_pair(b, table, "T1", older);
            BOOST_TEST(error_of(c.run(c.store->find(k))) == store_errc::decryption_failed);
        }
}

void tokens_sealed_before_key_ids_still_read(const backend& b)
{
    client c = open_client(b, first_key());
    const installation want = workspace("E1", "T1");
    c.save(want);
    set_pair(b, bot_columns, "T1", v1_bot_pair);
    set_pair(b, user_columns, "T1", v1_user_pair);
    check_installation(*require_found(c, key("E1", "T1")), want);
    client rotated = open_client(b, second_key(), {first_key()});  // its key an older one now
    check_installation(*require_found(rotated, key("E1", "T1")), want);
    client other = open_client(b, second_key());
    BOOST_TEST(error_of(other.run(other.store->find({"E1", "T1"}))) == store_errc::decryption_failed);
}

void rotated_keys_read_old_rows_and_seal_new_writes_under_the_new_key(const backend& b)
{
    client before = open_client(b, first_key());
    const installation first = workspace("E1", "T1");
    before.save(first);
    client rotated = open_client(b, second_key(), {first_key()});
    const std::optional<installation> read = require_found(rotated, key("E1", "T1"));
    check_installation(*read, first);
    BOOST_TEST(sealed_under(b, first_key()) == 4u);

    const installation second = workspace("E2", "T2");  // new writes: under the new key
    rotated.save(second);
    BOOST_TEST(sealed_under(b, second_key()) == 4u);
    BOOST_TEST(rotated.replace(key("E1", "T1"), grant_kind::bot, read->bot->revision, bot_grant("rotated")));
    BOOST_TEST(sealed_under(b, second_key()) == 6u);
    BOOST_TEST(sealed_under(b, first_key()) == 2u);  // T1's user grant, not written since

    check_grant(require_found(rotated, key("E1", "T1"))->bot, bot_grant("rotated"), "the refreshed grant");
    client only_new = open_client(b, second_key());
    check_installation(*require_found(only_new, key("E2", "T2")), second);
    BOOST_TEST(error_of(only_new.run(only_new.store->find({"E1", "T1"}))) == store_errc::decryption_failed);
    BOOST_TEST(error_of(before.run(before.store->find({"E2", "T2"}))) == store_errc::decryption_failed);
}

void reseal_moves_every_grant_to_the_current_key(const backend& b)
{
    client before = open_client(b, first_key());
    installation t1 = workspace("E1", "T1");
    before.save(t1);
    installation by_u2 = t1;  // installed again by U2: T1 holds U1's and U2's grants
    by_u2.user_id = "U2";
    by_u2.user = user_grant("T1-U2", "U2");
    before.save(by_u2);
    set_pair(b, bot_columns, "T1", v1_bot_pair);  // some from before key ids
    set_pair(b, user_columns, "T1", v1_user_pair);
    before.save(workspace("E1", "T2"));
    installation no_bot = workspace("E1", "T3");
    no_bot.bot.reset();
    before.save(no_bot);
    before.save(org_wide("E2"));
    const std::optional<installation> u1_before = require_found(before, key("E1", "T1", "U1"));

    client rotated = open_client(b, second_key(), {first_key()});
    BOOST_TEST(reseal_all(rotated, clear_tokens::refuse) == 8u);  // T1: bot, U1, U2; T2: bot, U1; T3: U1; E2: bot, U1
    const std::size_t stored = stored_tokens(b).size();
    BOOST_TEST(stored == 16u);
    BOOST_TEST(sealed_under(b, second_key()) == stored);
    BOOST_TEST(reseal_all(rotated, clear_tokens::refuse) == 0u);  // all under the current key already

    client only_new = open_client(b, second_key());
    const std::optional<installation> u1 = require_found(only_new, key("E1", "T1", "U1"));
    check_grant(u1->bot, bot_grant("T1"), "T1's bot grant", u1_before->bot->revision);  // revisions kept
    check_grant(u1->user, user_grant("T1", "U1"), "U1's grant", u1_before->user->revision);
    check_grant(require_found(only_new, key("E1", "T1", "U2"))->user, user_grant("T1-U2", "U2"), "U2's grant");
    check_installation(*require_found(only_new, key("E1", "T2")), workspace("E1", "T2"));
    check_installation(*require_found(only_new, key("E1", "T3")), no_bot);
    installation org = org_wide("E2");
    org.team_id.clear();
    check_installation(*require_found(only_new, key("E2", "")), org);

    // A page past the last installation, and page sizes as list's.
    const reseal_page none = value(rotated.run(resealable(rotated).reseal({"E9", ""}, 10, clear_tokens::refuse)));
    BOOST_TEST(none.installations == 0u);
    BOOST_TEST(!none.next.has_value());
    BOOST_TEST(error_of(rotated.run(resealable(rotated).reseal({}, 0, clear_tokens::refuse))) ==
               store_errc::invalid_page_size);
}

void reseal_seals_tokens_in_the_clear_only_when_asked(const backend& b)
{
    client keyless = open_client(b, std::nullopt);
    const installation want = workspace("E1", "T1");
    keyless.save(want);
    BOOST_TEST(error_of(keyless.run(resealable(keyless).reseal({}, 10, clear_tokens::seal))) ==
               store_errc::encryption_required);  // no key to seal with

    client keyed = open_client(b, first_key());
    BOOST_TEST(error_of(keyed.run(resealable(keyed).reseal({}, 10, clear_tokens::refuse))) ==
               store_errc::encryption_required);
    BOOST_TEST(sealed_under(b, first_key()) == 0u);  // nothing written
    const reseal_page page = value(keyed.run(resealable(keyed).reseal({}, 10, clear_tokens::seal)));
    BOOST_TEST(page.installations == 1u);
    BOOST_TEST(page.grants == 2u);
    BOOST_TEST(sealed_under(b, first_key()) == 4u);
    check_installation(*require_found(keyed, key("E1", "T1")), want);
}

}  // namespace slack::store::conformance
