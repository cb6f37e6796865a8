// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/store/memory_store.hpp>

#include "store/completion.hpp"
#include "store/key_rules.hpp"
#include "store/revision.hpp"

#include <chrono>
#include <map>
#include <mutex>
#include <tuple>

namespace slack::store {
namespace {

using team_key = std::tuple<std::string, std::string>;               // enterprise, team
using user_key = std::tuple<std::string, std::string, std::string>;  // enterprise, team, user
using lease_key = std::tuple<std::string, std::string, std::string, int>;

team_key team_of(const installation_key& k) { return {k.enterprise_id, k.team_id}; }

struct lease {
    std::string owner;
    time_point until;
};

// What a store keeps of a user grant: the SQL backends have no column for a user grant's bot id,
// and its user is the one it is stored under.
void as_user_grant(token_grant& grant, const std::string& user_id)
{
    grant.user_id = user_id;
    grant.bot_id.clear();
}

// The SQL backends keep times in milliseconds since the epoch.
time_point to_millisecond(time_point t) { return std::chrono::floor<std::chrono::milliseconds>(t); }

void keep_milliseconds(token_grant& grant)
{
    if (grant.expires_at)
        grant.expires_at = to_millisecond(*grant.expires_at);
}

}  // namespace

struct memory_store::state {
    std::mutex mutex;
    std::map<team_key, installation> installations;  // without the user grant
    std::map<user_key, token_grant> user_grants;
    std::map<lease_key, lease> leases;
    std::map<std::string, time_point> nonces;

    // The installation row a key finds: its own, else the enterprise's org-wide one.
    installation* row_for(const installation_key& key)
    {
        if (auto it = installations.find(team_of(key)); it != installations.end())
            return &it->second;
        if (detail::has_org_fallback(key))
            if (auto it = installations.find(team_key{key.enterprise_id, {}}); it != installations.end())
                return &it->second;
        return nullptr;
    }

    token_grant* user_grant(const installation& row, const std::string& user_id)
    {
        auto it = user_grants.find(user_key{row.enterprise_id, key_of(row).team_id, user_id});
        return it == user_grants.end() ? nullptr : &it->second;
    }

    // A lease belongs to the grant it guards, so it is kept under the row that key finds (a
    // team's key shares the org-wide install's lease), or under the key itself when none does.
    lease_key lease_of(const installation_key& key, grant_kind kind)
    {
        const installation* row = row_for(key);
        const installation_key at = row ? key_of(*row) : key;
        return {at.enterprise_id, at.team_id, std::string(detail::lease_user(key, kind)), static_cast<int>(kind)};
    }
};

memory_store::memory_store(boost::asio::any_io_executor ex)
    : executor_(std::move(ex)), state_(std::make_unique<state>())
{
}
memory_store::~memory_store() = default;

boost::asio::any_io_executor memory_store::get_executor() const { return executor_; }

void memory_store::do_save(installation i, store_handler<void> handler)
{
    {
        std::lock_guard lock(state_->mutex);
        const installation_key key = key_of(i);
        i.team_id = key.team_id;  // an org-wide install has no team: the SQL backends keep none
        i.installed_at = to_millisecond(i.installed_at);
        std::optional<token_grant> user = std::move(i.user);
        i.user.reset();
        auto& row = state_->installations[team_of(key)];
        if (i.bot) {
            i.bot->revision = detail::fresh_revision();
            keep_milliseconds(*i.bot);
        }
        row = std::move(i);
        if (user && !row.user_id.empty()) {
            auto& stored = state_->user_grants[user_key{key.enterprise_id, key.team_id, row.user_id}];
            user->revision = detail::fresh_revision();
            as_user_grant(*user, row.user_id);
            keep_milliseconds(*user);
            stored = std::move(*user);
        }
    }
    detail::complete<void>(executor_, handler, boost::system::result<void>());
}

void memory_store::do_find(installation_key key, store_handler<std::optional<installation>> handler)
{
    std::optional<installation> found;
    {
        std::lock_guard lock(state_->mutex);
        if (installation* row = state_->row_for(key)) {
            const std::string& user_id = key.user_id.empty() ? row->user_id : key.user_id;
            token_grant* user = state_->user_grant(*row, user_id);
            if (user || key.user_id.empty()) {
                found = *row;
                if (user)
                    found->user = *user;
                found->user_id = user_id;
            }
        }
    }
    detail::complete<std::optional<installation>>(executor_, handler, std::move(found));
}

void memory_store::do_remove(installation_key key, store_handler<std::size_t> handler)
{
    std::size_t removed = 0;
    {
        std::lock_guard lock(state_->mutex);
        auto& users = state_->user_grants;
        if (!key.user_id.empty()) {
            removed = users.erase(user_key{key.enterprise_id, key.team_id, key.user_id});
        } else {
            removed = state_->installations.erase(team_of(key));
            removed += std::erase_if(users, [&](const auto& entry) {
                return std::get<0>(entry.first) == key.enterprise_id && std::get<1>(entry.first) == key.team_id;
            });
        }
    }
    detail::complete<std::size_t>(executor_, handler, removed);
}

void memory_store::do_remove_all(installation_key key, store_handler<std::size_t> handler)
{
    // A team's everything, or with no team, the whole enterprise's.
    auto named = [&](const std::string& enterprise, const std::string& team) {
        if (key.team_id.empty())
            return enterprise == key.enterprise_id;
        return team == key.team_id && (key.enterprise_id.empty() || enterprise == key.enterprise_id);
    };
    std::size_t removed = 0;
    {
        std::lock_guard lock(state_->mutex);
        removed += std::erase_if(state_->installations,
                                 [&](const auto& e) { return named(std::get<0>(e.first), std::get<1>(e.first)); });
        removed += std::erase_if(state_->user_grants,
                                 [&](const auto& e) { return named(std::get<0>(e.first), std::get<1>(e.first)); });
    }
    detail::complete<std::size_t>(executor_, handler, removed);
}

void memory_store::do_list(installation_key after, std::size_t limit, store_handler<installation_page> handler)
{
    installation_page page;
    {
        std::lock_guard lock(state_->mutex);
        for (auto it = state_->installations.upper_bound(team_of(after)); it != state_->installations.end(); ++it) {
            if (page.installations.size() == limit) {
                page.next = key_of(page.installations.back());
                break;
            }
            installation& listed = page.installations.emplace_back(it->second);
            if (token_grant* user = state_->user_grant(it->second, it->second.user_id))
                listed.user = *user;
        }
    }
    detail::complete<installation_page>(executor_, handler, std::move(page));
}

void memory_store::do_replace_grant(installation_key key, grant_kind kind, std::int64_t expected_revision,
                                    token_grant grant, store_handler<bool> handler)
{
    bool written = false;
    {
        std::lock_guard lock(state_->mutex);
        if (installation* row = state_->row_for(key)) {
            token_grant* stored =
                kind == grant_kind::bot ? (row->bot ? &*row->bot : nullptr) : state_->user_grant(*row, key.user_id);
            if (stored && stored->revision == expected_revision) {
                grant.revision = detail::next_revision(expected_revision);
                if (kind == grant_kind::user)
                    as_user_grant(grant, key.user_id);
                keep_milliseconds(grant);
                *stored = std::move(grant);
                written = true;
            }
        }
    }
    detail::complete<bool>(executor_, handler, written);
}

void memory_store::do_try_lease(installation_key key, grant_kind kind, std::string owner,
                                std::chrono::milliseconds duration, store_handler<bool> handler)
{
    bool held = false;
    {
        std::lock_guard lock(state_->mutex);
        const auto now = std::chrono::system_clock::now();
        auto& entry = state_->leases[state_->lease_of(key, kind)];
        if (entry.owner.empty() || entry.owner == owner || entry.until <= now) {
            entry = {std::move(owner), now + duration};
            held = true;
        }
    }
    detail::complete<bool>(executor_, handler, held);
}

void memory_store::do_release_lease(installation_key key, grant_kind kind, std::string owner,
                                    store_handler<void> handler)
{
    {
        std::lock_guard lock(state_->mutex);
        auto it = state_->leases.find(state_->lease_of(key, kind));
        if (it != state_->leases.end() && it->second.owner == owner)
            state_->leases.erase(it);
    }
    detail::complete<void>(executor_, handler, boost::system::result<void>());
}

void memory_store::do_consume_nonce(std::string nonce, time_point expires_at, store_handler<bool> handler)
{
    bool first = false;
    {
        std::lock_guard lock(state_->mutex);
        const auto now = std::chrono::system_clock::now();
        std::erase_if(state_->nonces, [&](const auto& e) { return e.second <= now; });
        first = state_->nonces.emplace(std::move(nonce), expires_at).second;
    }
    detail::complete<bool>(executor_, handler, first);
}

}  // namespace slack::store
