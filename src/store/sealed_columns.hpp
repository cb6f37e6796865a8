#pragma once
// Token columns at rest, shared by the SQL backends: with a token_key, a token or refresh token is
// stored sealed (AES-256-GCM, crypto/sealing.hpp) and bound to its row and column; without one, in
// the clear. Reading a sealed value without a key is encryption_required; a value stored in the
// clear is read as it is even with a key (a store that turns encryption on seals on the next write).
#include <slack/store/installation.hpp>
#include <slack/store/token_key.hpp>

#include <boost/system/result.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace slack::store::detail {

/// Where a value is stored: its row's key and its column, e.g. {"E1", "T1", "", "bot_token"}.
struct column_place {
    std::string_view enterprise_id;
    std::string_view team_id;
    std::string_view user_id;
    std::string_view column;
};

std::string to_stored(const std::optional<token_key>& key, std::string_view value, const column_place& place);
boost::system::result<std::string> from_stored(const std::optional<token_key>& key, std::string_view stored,
                                               const column_place& place);

}  // namespace slack::store::detail
