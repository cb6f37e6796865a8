// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The key of the installation row a key finds: its own, else the enterprise's org-wide one.
#include "store/sqlite/installation_rows.hpp"
#include "store/sqlite/operations.hpp"

namespace slack::store::sqlite {

std::optional<installation_key> found_row_key(database& db, const installation_key& key)
{
    execution row(db.prepared(installation_rows::select_found_key()));
    installation_rows::bind_lookup(row, key);
    if (!row.step())
        return std::nullopt;
    return installation_key{row.text(0), row.text(1), {}};
}

}  // namespace slack::store::sqlite
