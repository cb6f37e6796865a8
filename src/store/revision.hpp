// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A grant's revision, the compare-and-swap's witness (installation_store::replace_grant).
//
// Revisions must never repeat for a key: a refresh that read revision r before an uninstall and a
// reinstall must not find r again in the new install and overwrite its tokens with the old
// install's pair. So save() does not continue from what is stored (a removed row leaves nothing to
// continue from): it draws a fresh random revision of 62 bits, and replace_grant() adds one to the
// revision it swapped. Two installs of one key then meet on a revision only if their draws fall
// within as many refreshes of each other: about refreshes / 2^62, never in practice. A random draw
// rather than a database sequence, so that a SQL backend knows the revision before it writes:
// a sealed token is bound to it (sealed_columns.hpp), and PostgreSQL's save stays one statement.
#include "crypto/random.hpp"

#include <cstdint>
#include <cstring>
#include <string>

namespace slack::store::detail {

/// A revision for a grant written by save(): in [1, 2^62), so that 0 never means a stored grant
/// and adding the refreshes of many lifetimes cannot overflow.
inline std::int64_t fresh_revision()
{
    const std::string bytes = crypto::random_bytes(sizeof(std::uint64_t));
    std::uint64_t drawn = 0;
    std::memcpy(&drawn, bytes.data(), sizeof drawn);
    drawn &= (std::uint64_t{1} << 62) - 1;
    return static_cast<std::int64_t>(drawn == 0 ? 1 : drawn);
}

/// The revision replace_grant() writes over `expected`. Wraps instead of overflowing: a caller's
/// expected revision is not trusted, and a stored one is never near the end.
inline std::int64_t next_revision(std::int64_t expected) noexcept
{
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(expected) + 1);
}

}  // namespace slack::store::detail
