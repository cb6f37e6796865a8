#include "store/sealed_columns.hpp"

#include "crypto/sealing.hpp"

#include <slack/store/store_errc.hpp>

namespace slack::store::detail {
namespace {

// Lengths first, so that no two places give the same text.
std::string associated_data(const column_place& place)
{
    std::string out;
    for (std::string_view part : {place.enterprise_id, place.team_id, place.user_id, place.column}) {
        out += std::to_string(part.size());
        out += ':';
        out += part;
    }
    return out;
}

}  // namespace

std::string to_stored(const std::optional<token_key>& key, std::string_view value, const column_place& place)
{
    if (!key || value.empty())
        return std::string(value);
    return crypto::seal(*key, value, associated_data(place));
}

boost::system::result<std::string> from_stored(const std::optional<token_key>& key, std::string_view stored,
                                               const column_place& place)
{
    if (!crypto::is_sealed(stored))
        return std::string(stored);
    if (!key)
        return boost::system::error_code(store_errc::encryption_required);
    return crypto::open(*key, stored, associated_data(place));
}

}  // namespace slack::store::detail
