// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "install/grant_cache.hpp"

#include <algorithm>
#include <vector>

namespace slack::install::detail {

cached_grant* grant_cache::find(const grant_id& asked)
{
    auto found = aliases_.find(asked);
    if (found == aliases_.end())
        return nullptr;
    cached_grant* entry = grant(found->second.id);
    if (!entry) {
        aliases_.erase(found);  // its grant was forgotten
        return nullptr;
    }
    found->second.last_use = entry->last_use;
    return entry;
}

cached_grant* grant_cache::grant(const grant_id& id)
{
    auto found = grants_.find(id);
    if (found == grants_.end())
        return nullptr;
    found->second.last_use = ++uses_;
    return &found->second;
}

cached_grant& grant_cache::remember(const grant_id& asked, const grant_id& id)
{
    if (grants_.size() >= limit_ || aliases_.size() >= limit_)
        trim();
    const std::uint64_t now = ++uses_;
    aliases_.insert_or_assign(asked, alias{id, now});
    cached_grant& entry = grants_[id];
    entry.last_use = now;
    return entry;
}

namespace {

// Forgets the least recently used quarter of `map`'s entries that `may_forget` allows.
template <class Map, class MayForget>
void forget_oldest(Map& map, std::size_t limit, MayForget may_forget)
{
    if (map.size() < limit)
        return;
    std::vector<std::uint64_t> uses;
    for (const auto& [key, value] : map)
        if (may_forget(value))
            uses.push_back(value.last_use);
    if (uses.empty())
        return;
    const std::size_t count = std::max<std::size_t>(1, uses.size() / 4);
    std::nth_element(uses.begin(), uses.begin() + static_cast<std::ptrdiff_t>(count - 1), uses.end());
    const std::uint64_t oldest_kept = uses[count - 1];
    std::erase_if(map,
                  [&](const auto& item) { return may_forget(item.second) && item.second.last_use <= oldest_kept; });
}

}  // namespace

void grant_cache::trim()
{
    // A grant being refreshed stays: its refresh and its waiters live in it.
    forget_oldest(grants_, limit_, [](const cached_grant& g) { return !g.refreshing; });
    forget_oldest(aliases_, limit_, [](const alias&) { return true; });
}

}  // namespace slack::install::detail
