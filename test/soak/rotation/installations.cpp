// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "rotation/installations.hpp"

#include "rotation/settings.hpp"

#include <cstdio>

namespace soak::rotation {

namespace {

std::string numbered(const char* prefix, std::size_t n)
{
    char text[32];
    std::snprintf(text, sizeof text, "%s%02zu", prefix, n);
    return text;
}

}  // namespace

std::vector<slack::store::installation_key> soak_installation::keys() const
{
    std::vector<slack::store::installation_key> keys;
    if (!org_wide)
        return {{.enterprise_id = enterprise_id, .team_id = team_id, .user_id = {}}};
    for (const std::string& workspace : workspaces)
        keys.push_back({.enterprise_id = enterprise_id, .team_id = workspace, .user_id = {}});
    return keys;
}

std::string soak_installation::label() const
{
    if (org_wide)
        return enterprise_id + " (org-wide)";
    return enterprise_id.empty() ? team_id : team_id + " (in " + enterprise_id + ")";
}

// Org-wide installs first; then workspaces of the first enterprises that have their own install
// (their key must find it, not the org-wide one); then plain workspaces, the last rate-limited.
std::vector<soak_installation> make_installations()
{
    std::vector<soak_installation> all;
    for (std::size_t n = 0; n < installation_count; ++n) {
        soak_installation i;
        if (n < org_wide_count) {
            i.enterprise_id = numbered("E0SOAK", n);
            i.org_wide = true;
            for (std::size_t w = 1; w <= workspaces_per_org; ++w)
                i.workspaces.push_back(numbered("T0SOAK", n) + "W" + std::to_string(w));
        } else if (n < org_wide_count + inside_enterprise_count) {
            i.enterprise_id = numbered("E0SOAK", n - org_wide_count);
            i.team_id = numbered("T0SOAKOWN", n);
        } else {
            i.team_id = numbered("T0SOAK", n);
            i.rate_limited = n >= installation_count - rate_limited_count;
        }
        all.push_back(std::move(i));
    }
    return all;
}

std::string rate_limited_refresh_token(std::size_t index) { return "mock-ratelimit-1-1-soak" + std::to_string(index); }

}  // namespace soak::rotation
