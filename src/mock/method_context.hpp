// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What every method handler works with: the mock's state, one call's inputs, and the checks
// methods share (client credentials, bearer tokens, magic credentials).
#include "mock/codes.hpp"
#include "mock/magic.hpp"
#include "mock/parameters.hpp"
#include "mock/reply.hpp"
#include "mock/tiers.hpp"
#include "mock/tokens.hpp"

#include <slack/mock/server.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace slack::mock::detail {

struct mock_state {
    explicit mock_state(const server_options& o) : options(o), codes(o), tokens(o), tiers(o) {}

    const server_options& options;
    code_store codes;
    token_store tokens;
    tier_enforcer tiers;
    /// Rate-limit windows by window_key(): Slack limits per app, per workspace and per method.
    std::map<std::string, rate_window, std::less<>> rate_windows;
    /// server::lose_refresh_answers: how many refreshes of known refresh tokens still rotate and
    /// then drop their connection without answering.
    std::size_t refresh_answers_to_lose = 0;
    /// ... only those of this refresh token, when not empty.
    std::string lose_answers_of;
    /// The window of `method` for whoever made the request, named by the credential it carried
    /// (asking_credential in behaviour.cpp): a known token's installation (each stands for a workspace
    /// here), else that credential's own (a magic word is a workspace of its own), else, with
    /// none, the app's. Made on first use; windows that ended are dropped as others come.
    rate_window& window(std::string_view method, std::string_view bearer_token);
    /// That window if there is one, without making one.
    const rate_window* find_window(std::string_view method, std::string_view bearer_token);
    /// The workspace whose allowance a request carrying `credential` draws on: the team of a
    /// known token or refresh token, the mock's team for a minted code, else the credential itself.
    std::string_view workspace_of(std::string_view credential);
    /// server::reset: codes, tokens, rate-limit windows and faults forgotten; the options stay.
    void reset();

private:
    const std::string& window_key(std::string_view method, std::string_view bearer_token);
    std::string window_key_;  // reused: no allocation per request
    std::size_t prune_windows_at_ = 1024;
};

/// One call to `/api/METHOD`.
struct method_call {
    std::string_view method;         ///< "oauth.v2.access"
    std::string_view authorization;  ///< the Authorization header, empty if none
    std::string_view media_type;     ///< Content-Type without parameters, empty if none
    std::string_view body;
    const parameters& params;    ///< the form's fields (empty for a JSON body)
    std::string& credential;     ///< out: the single-use credential or bearer token the call carried
    bool public_client = false;  ///< out (check_client): no secret came; the grant must be PKCE's
};

/// Whether a method lets PKCE stand in for the client secret: only the code and refresh grants
/// may, and they then require it (code_grant, refresh_grant).
enum class secret_rule { required, pkce_may_replace };

/// The client-credential checks (Basic header, else form fields). With `bearer_in_header`, an
/// Authorization header that is not Basic is the call's bearer token, not an error.
std::optional<outgoing_reply> check_client(const mock_state& state, method_call& call,
                                           secret_rule rule = secret_rule::required, bool bearer_in_header = false);

/// The bearer token of `call` (also recorded as its credential), or the answer Slack gives:
/// not_authed, invalid_auth, token_expired, token_revoked. `magic`: magic tokens script the answer.
std::optional<outgoing_reply> check_bearer(mock_state& state, method_call& call, const magic_method& magic,
                                           std::string& token);

/// nullopt unless `credential` is magic; else its scripted answer for `magic.name`, a ratelimit
/// word opening the window of that word alone (mock_state::window).
std::optional<outgoing_reply> answer_if_magic(mock_state& state, std::string_view credential,
                                              const magic_method& magic);

}  // namespace slack::mock::detail
