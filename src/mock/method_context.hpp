#pragma once
// What every method handler works with: the mock's state, one call's inputs, and the checks
// methods share (client credentials, bearer tokens, magic credentials).
#include "mock/codes.hpp"
#include "mock/magic.hpp"
#include "mock/parameters.hpp"
#include "mock/reply.hpp"
#include "mock/tokens.hpp"

#include <slack/mock/server.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace slack::mock::detail {

struct mock_state {
    explicit mock_state(const server_options& o) : options(o), codes(o), tokens(o) {}

    const server_options& options;
    code_store codes;
    token_store tokens;
    std::map<std::string, rate_window, std::less<>> rate_windows;  ///< per method: Slack limits each apart
};

/// One call to `/api/METHOD`.
struct method_call {
    std::string_view method;         ///< "oauth.v2.access"
    std::string_view authorization;  ///< the Authorization header, empty if none
    std::string_view media_type;     ///< Content-Type without parameters, empty if none
    std::string_view body;
    const parameters& params;        ///< the form's fields (empty for a JSON body)
    std::string& credential;         ///< out: the single-use credential or bearer token the call carried
    bool public_client = false;      ///< out (check_client): no secret came; the grant must be PKCE's
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

/// nullopt unless `credential` is magic; else its scripted answer for `magic.name`.
std::optional<outgoing_reply> answer_if_magic(mock_state& state, std::string_view credential, const magic_method& magic);

}  // namespace slack::mock::detail
