// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The installations of the rotation soak, made from settings.hpp alone, so that the driver and
// every replica have the same list without passing it around. Ids are made up, not secrets.
#include <slack/store/installation.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace soak::rotation {

struct soak_installation {
    std::string enterprise_id;  ///< org-wide installs and workspaces inside an enterprise
    std::string team_id;        ///< empty for an org-wide install
    bool org_wide = false;
    bool rate_limited = false;            ///< its first refresh is answered with a 429 (a magic refresh token)
    std::vector<std::string> workspaces;  ///< the team ids an org-wide install is asked by

    /// The keys callers ask it by: each workspace of an org-wide install, else its own key.
    std::vector<slack::store::installation_key> keys() const;
    /// How the report names it, e.g. "E0SOAK03 (org-wide)" or "T0SOAK17".
    std::string label() const;
};

std::vector<soak_installation> make_installations();

/// The magic refresh token a rate-limited installation starts with: its first refresh gets one
/// 429 with Retry-After 1 s, which closes the app's refreshes for that second.
std::string rate_limited_refresh_token(std::size_t index);

}  // namespace soak::rotation
