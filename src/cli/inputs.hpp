// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the commands that call Slack read from their arguments and the environment: one parser
// for all of them, each command naming the options it accepts and the inputs it needs.
#include <slack/web/client_options.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

// The environment lines of the help of every command taking --proxy (a literal: access's help,
// written out in main.cpp, concatenates it).
#define SLACK_CLI_PROXY_ENVIRONMENT_HELP                                              \
    "  HTTPS_PROXY, https_proxy    the default --proxy (for an https:// --api-url)\n" \
    "  NO_PROXY, no_proxy          hosts that bypass the proxy: name[:port] (subdomains too), address, or *\n"

namespace slack::cli {

/// Everything any such command can be given. A command reads only the inputs it asked for.
struct call_inputs {
    std::string code, code_verifier, redirect_uri;
    std::string client_id, client_secret, token, refresh_token;  // flags, else SLACK_* variables
    bool single_channel = false, test = false, json_body = false, idempotent = false;
    std::vector<std::string> arguments;  ///< Words that are not options (call's METHOD key=value...).
    // authorize-url
    std::string scope, user_scope, authorize_base, state_secret_env = "SLACK_STATE_SECRET";
    bool pkce = false;
    // the commands on a store: the installation's key, where it is, the variable holding its key
    std::string team, enterprise, user, store, key_env;
    // older keys still read (rotation); installations reseal: also seal tokens found in the clear
    std::string previous_keys_env;
    bool seal_clear = false;
    // installations import: the variables holding the tokens, and seconds left (text, checked there)
    std::string token_env, refresh_token_env, expires_in;
    web::client_options options;
    std::string cacert;
    std::string rate_limits;  ///< --rate-limits: empty (no limiter), "local" or redis://...
    bool verbose = false;
    // call: --json @FILE or --json - (stdin), and the JSON body check_call_words built
    std::string json_source, json_text;
    /// How the answer is printed: JSON unless stdout is a terminal, or as --json / --human say.
    enum class output { automatic, json, human } format = output::automatic;
};

/// What a command requires before it calls: a missing one is a usage error naming its flag or
/// variable, never a value.
enum input_need : unsigned {
    need_code = 1,
    need_client = 2,  ///< A client id, and a secret unless --code-verifier (a PKCE public client).
    need_token = 4,
    need_refresh_token = 8,
    take_words = 16,  ///< Words that are not options go to `arguments`; otherwise they are rejected.
};

struct input_rules {
    std::span<const std::string_view> accepted;  ///< Every option the command takes, "--name".
    unsigned needs = 0;                          ///< input_need bits.
    /// Warn on stderr when a secret comes as a flag (it lands in shell history and ps).
    bool warn_secret_flags = true;
};

/// Parses `args` (usage_error on a mistake; its message shows no value). Defaults come from
/// SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_TOKEN, SLACK_REFRESH_TOKEN, SLACK_API_URL and
/// SLACK_CA_FILE.
call_inputs read_inputs(const std::vector<std::string_view>& args, const input_rules& rules);

/// The help lines of `accepted` ("  --name VALUE   what it does"), in that order, then
/// "-h, --help" and the environment variables they override.
std::string describe_inputs(std::span<const std::string_view> accepted);

}  // namespace slack::cli
