// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Reading a token or refresh-token column (store/sealed_columns.hpp), failing as the worker fails.
// Writing one is detail::to_stored itself.
#include "store/sealed_columns.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace slack::store::sqlite {

/// The token stored at `place`. Throws failure: decryption_failed (wrong key, tampered, moved),
/// encryption_required (sealed, and no key).
std::string read_token(const detail::sealing_keys& keys, std::string_view stored, const detail::column_place& place);

}  // namespace slack::store::sqlite
