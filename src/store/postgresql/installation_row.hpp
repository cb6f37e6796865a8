// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// An installation as the statements of find and list give it back: the installation row as `i`
// and, LEFT JOINed, one user grant as `g`, in the columns of installation_columns.
#include "store/postgresql/query_result.hpp"

#include <slack/store/installation.hpp>
#include "store/sealed_columns.hpp"

#include <boost/system/result.hpp>

#include <optional>
#include <string>

namespace slack::store::postgresql {

/// "i.enterprise_id, ..., g.revision": the select list that read_installation reads.
extern const char* const installation_columns;

/// Whether row `at` has a user grant (the LEFT JOIN found one).
bool has_user_grant(const query_result& rows, int at) noexcept;

/// Row `at`: its user_id is `wanted_user`, or the installing user's when that is empty.
/// corrupt_row, or decryption_failed / encryption_required for a token that does not open with
/// `keys` (sealed_columns.hpp).
boost::system::result<installation> read_installation(const query_result& rows, int at, const std::string& wanted_user,
                                                      const detail::sealing_keys& keys);

}  // namespace slack::store::postgresql
