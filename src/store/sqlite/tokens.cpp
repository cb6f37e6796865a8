// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/sqlite/tokens.hpp"

#include "store/sqlite/failure.hpp"

namespace slack::store::sqlite {

std::string read_token(const detail::sealing_keys& keys, std::string_view stored, const detail::column_place& place)
{
    auto token = detail::from_stored(keys, stored, place);
    if (token)
        return std::move(*token);
    if (token.error().category() == store_category())
        throw failure(static_cast<store_errc>(token.error().value()));
    throw failure(store_errc::decryption_failed);
}

}  // namespace slack::store::sqlite
