// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The token provider's memory: each grant's token (by the row and kind the store found it under,
// so that every key that finds one grant shares one entry and one refresh), and which grant each
// asked key found. Bounded: past `limit` entries, the least recently used that no refresh is
// running for are forgotten. Keys that found nothing are never remembered. Not thread-safe: the
// provider's mutex guards it.
#include <slack/store/installation.hpp>

#include "install/flight.hpp"

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace slack::install::detail {

/// A grant as the store keeps it (its row's key, the user for a user grant), or a key as asked.
struct grant_id {
    std::string enterprise_id;
    std::string team_id;
    std::string user_id;
    store::grant_kind kind = store::grant_kind::bot;
    friend auto operator<=>(const grant_id&, const grant_id&) = default;
};

struct cached_grant {
    std::string token;
    std::optional<store::time_point> expires_at;
    std::string rejected;                ///< invalidate(): a call said this token is no good; never served again
    std::shared_ptr<flight> refreshing;  ///< the grant's refresh, while one runs
    std::string lost_refresh_token;      ///< spent with its answers lost: never sent again from here
    std::uint64_t last_use = 0;
};

class grant_cache {
public:
    explicit grant_cache(std::size_t limit) : limit_(limit == 0 ? 1 : limit) {}

    /// The grant `asked` found last time, if both are still remembered.
    cached_grant* find(const grant_id& asked);
    /// The entry of grant `id`, if remembered.
    cached_grant* grant(const grant_id& id);
    /// Remembers that `asked` finds grant `id`; yields the grant's entry (new ones are empty).
    cached_grant& remember(const grant_id& asked, const grant_id& id);

    std::size_t grants() const { return grants_.size(); }
    std::size_t aliases() const { return aliases_.size(); }

private:
    struct alias {
        grant_id id;
        std::uint64_t last_use = 0;
    };
    void trim();

    std::map<grant_id, alias> aliases_;
    std::map<grant_id, cached_grant> grants_;
    std::size_t limit_;
    std::uint64_t uses_ = 0;
};

}  // namespace slack::install::detail
