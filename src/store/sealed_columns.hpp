// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Token columns at rest, shared by the SQL backends. With a key, a token or refresh token is
// stored sealed (crypto/sealing.hpp) under the store's current key, bound to its row, column and
// the grant's revision; without one, in the clear. Reading, with a key:
//   - a value in the clear is refused (encryption_required): whoever can write the table but has
//     no key must not be able to plant a token (their own workspace's under a victim's team);
//   - a sealed value opens with the key its id names, the current one or an older one still
//     configured (rotation); one sealed before key ids (v1, bound to row and column only) with
//     whichever configured key opens it;
//   - a value sealed for another row, column or revision does not open (decryption_failed): a row
//     cannot be given back an older sealed pair, as every write gives the grant a new revision.
// Without a key, a sealed value is encryption_required. An empty value is stored and read as it
// is: it hands nothing out (a grant that does not rotate has no refresh token).
#include <slack/store/installation.hpp>
#include <slack/store/token_key.hpp>

#include <boost/system/result.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace slack::store::detail {

/// The keys of a store: the current one, which seals every write, and older ones that still open
/// what they sealed. None: tokens are stored in the clear (older keys are then ignored).
class sealing_keys {
public:
    sealing_keys() = default;
    sealing_keys(const std::optional<token_key>& current, const std::vector<token_key>& previous);

    /// Whether tokens are sealed.
    bool sealing() const noexcept { return !keys_.empty(); }
    /// The current key's id ("" without a key).
    std::string_view current_id() const noexcept;
    /// The key whose id is `id`, if the store has it.
    const token_key* find(std::string_view id) const noexcept;
    /// Every key, the current one first.
    const std::vector<std::pair<std::string, token_key>>& all() const noexcept { return keys_; }

private:
    std::vector<std::pair<std::string, token_key>> keys_;  // id, key
};

/// Where a value is stored: its row's key, its column, and the revision of the grant it belongs
/// to (the one being written), e.g. {"E1", "T1", "", "bot_token", 42}. These five parts are the
/// associated data a sealed value is bound to.
struct column_place {
    std::string_view enterprise_id;
    std::string_view team_id;
    std::string_view user_id;
    std::string_view column;
    std::int64_t revision = 0;
};

/// The sealed columns of a grant: the only columns sealed, in both SQL backends, and the only
/// place their names are written for sealing. A name is part of what each value is bound to, so
/// it never changes.
struct sealed_columns {
    std::string_view token;
    std::string_view refresh_token;
};
/// The bot grant's, in slack_installations.
inline constexpr sealed_columns bot_columns{"bot_token", "bot_refresh_token"};
/// A user grant's, in slack_user_grants.
inline constexpr sealed_columns user_columns{"token", "refresh_token"};
constexpr const sealed_columns& columns_of(grant_kind kind) noexcept
{
    return kind == grant_kind::bot ? bot_columns : user_columns;
}

/// Where a grant is stored: its installation row's key (key_of: an org-wide install's team is
/// ""), its user ("" for the bot grant), its kind and its revision. Gives the place of each of
/// its two sealed values.
struct grant_place {
    std::string_view enterprise_id;
    std::string_view team_id;
    std::string_view user_id;
    grant_kind kind = grant_kind::bot;
    std::int64_t revision = 0;

    column_place token() const noexcept { return {enterprise_id, team_id, user_id, columns_of(kind).token, revision}; }
    column_place refresh_token() const noexcept
    {
        return {enterprise_id, team_id, user_id, columns_of(kind).refresh_token, revision};
    }
};

std::string to_stored(const sealing_keys& keys, std::string_view value, const column_place& place);
/// Errors: encryption_required, decryption_failed (as above).
boost::system::result<std::string> from_stored(const sealing_keys& keys, std::string_view stored,
                                               const column_place& place);

/// A grant's two sealed columns as stored, for reseal.
struct stored_grant {
    std::string enterprise_id;
    std::string team_id;
    std::string user_id;  ///< "" for the bot grant
    grant_kind kind = grant_kind::bot;
    std::string token;
    std::string refresh_token;
    std::int64_t revision = 0;
};

/// For reseal: the grant's token and refresh token as a write would store them now (sealed under
/// the current key, bound to the same place and revision), or nullopt when both already are. A
/// value in the clear is sealed only when `seal_clear`, else encryption_required; one that does
/// not open is decryption_failed. Needs a key (else encryption_required).
boost::system::result<std::optional<std::pair<std::string, std::string>>> resealed(const sealing_keys& keys,
                                                                                   const stored_grant& grant,
                                                                                   bool seal_clear);

}  // namespace slack::store::detail
