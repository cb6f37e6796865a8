// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sealed_columns.hpp"

#include "crypto/sealing.hpp"

#include <slack/store/store_errc.hpp>

#include <algorithm>

namespace slack::store::detail {
namespace {

using boost::system::error_code;

// The parts, each after its length, so that no two places give the same text.
void append_part(std::string& out, std::string_view part)
{
    out += std::to_string(part.size());
    out += ':';
    out += part;
}

// What v1 values were bound to: the row and the column.
std::string associated_data_v1(const column_place& place)
{
    std::string out;
    for (std::string_view part : {place.enterprise_id, place.team_id, place.user_id, place.column})
        append_part(out, part);
    return out;
}

// What v2 values are bound to: the row, the column and the grant's revision. Five parts where v1
// has four, so that a v2 value relabelled v1 does not open either.
std::string associated_data(const column_place& place)
{
    std::string out = associated_data_v1(place);
    append_part(out, std::to_string(place.revision));
    return out;
}

// Opens a sealed value with the store's keys.
boost::system::result<std::string> open_sealed(const sealing_keys& keys, std::string_view stored,
                                               const column_place& place)
{
    if (crypto::format_of(stored) == crypto::sealed_format::v2) {
        const token_key* key = keys.find(crypto::key_id_of(stored));
        if (!key)  // sealed under a key this store was not given
            return error_code(store_errc::decryption_failed);
        return crypto::open(*key, stored, associated_data(place));
    }
    const std::string associated = associated_data_v1(place);
    for (const auto& [id, key] : keys.all())
        if (auto opened = crypto::open(key, stored, associated))
            return opened;
    return error_code(store_errc::decryption_failed);
}

}  // namespace

sealing_keys::sealing_keys(const std::optional<token_key>& current, const std::vector<token_key>& previous)
{
    if (!current)
        return;
    keys_.emplace_back(current->id(), *current);
    for (const token_key& older : previous)
        keys_.emplace_back(older.id(), older);
}

std::string_view sealing_keys::current_id() const noexcept
{
    return keys_.empty() ? std::string_view() : std::string_view(keys_.front().first);
}

const token_key* sealing_keys::find(std::string_view id) const noexcept
{
    const auto found = std::find_if(keys_.begin(), keys_.end(), [id](const auto& k) { return k.first == id; });
    return found == keys_.end() ? nullptr : &found->second;
}

std::string to_stored(const sealing_keys& keys, std::string_view value, const column_place& place)
{
    if (!keys.sealing() || value.empty())
        return std::string(value);
    return crypto::seal(keys.all().front().second, value, associated_data(place));
}

boost::system::result<std::string> from_stored(const sealing_keys& keys, std::string_view stored,
                                               const column_place& place)
{
    if (stored.empty())
        return std::string();
    const bool sealed = crypto::is_sealed(stored);
    if (sealed != keys.sealing())  // sealed without a key, or in the clear with one
        return error_code(store_errc::encryption_required);
    if (!sealed)
        return std::string(stored);
    return open_sealed(keys, stored, place);
}

namespace {

// One value as a write would store it now, or nullopt when it already is.
boost::system::result<std::optional<std::string>> resealed_value(const sealing_keys& keys, std::string_view stored,
                                                                 const column_place& place, bool seal_clear)
{
    if (stored.empty() || crypto::key_id_of(stored) == keys.current_id()) {
        // Already as a write would leave it, if it opens (else it is no value to keep).
        if (auto opened = from_stored(keys, stored, place); !opened)
            return opened.error();
        return std::optional<std::string>();
    }
    if (!crypto::is_sealed(stored)) {
        if (!seal_clear)
            return error_code(store_errc::encryption_required);
        return std::optional<std::string>(to_stored(keys, stored, place));
    }
    auto opened = open_sealed(keys, stored, place);
    if (!opened)
        return opened.error();
    return std::optional<std::string>(to_stored(keys, *opened, place));
}

}  // namespace

boost::system::result<std::optional<std::pair<std::string, std::string>>> resealed(const sealing_keys& keys,
                                                                                   const stored_grant& grant,
                                                                                   bool seal_clear)
{
    if (!keys.sealing())
        return error_code(store_errc::encryption_required);
    const grant_place place{grant.enterprise_id, grant.team_id, grant.user_id, grant.kind, grant.revision};
    auto token = resealed_value(keys, grant.token, place.token(), seal_clear);
    if (!token)
        return token.error();
    auto refresh = resealed_value(keys, grant.refresh_token, place.refresh_token(), seal_clear);
    if (!refresh)
        return refresh.error();
    if (!*token && !*refresh)
        return std::nullopt;
    return std::optional<std::pair<std::string, std::string>>(std::in_place, token->value_or(grant.token),
                                                              refresh->value_or(grant.refresh_token));
}

}  // namespace slack::store::detail
