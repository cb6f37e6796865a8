// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "store/postgresql/operations.hpp"

#include "store/key_rules.hpp"

namespace slack::store::postgresql {

parameters& add_row_lookup(parameters& p, const installation_key& key)
{
    const std::string& fallback_team = detail::has_org_fallback(key) ? std::string() : key.team_id;
    return p.text(key.enterprise_id).text(key.team_id).text(fallback_team);
}

}  // namespace slack::store::postgresql
