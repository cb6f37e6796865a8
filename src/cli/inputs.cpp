// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/inputs.hpp"

#include "cli/options.hpp"

#include <slack/retry_policy.hpp>

#include <algorithm>
#include <iostream>

namespace slack::cli {

namespace {

// One option: its help line, and for the plain ones where its value goes.
struct option_info {
    std::string_view name, value, text;
    const char* env = nullptr;                       // the variable it overrides, for secrets
    std::string call_inputs::*text_field = nullptr;  // a value stored as given
    bool call_inputs::*flag = nullptr;               // a flag without a value
};

constexpr option_info catalogue[] = {
    {"--code", "CODE", "the code Slack passed to your redirect URI (required)", nullptr, &call_inputs::code},
    {"--code-verifier", "VERIFIER", "PKCE: the verifier of the code_challenge sent (no secret needed then)", nullptr,
     &call_inputs::code_verifier},
    {"--redirect-uri", "URI", "the redirect_uri the code was issued for, if any", nullptr, &call_inputs::redirect_uri},
    {"--client-id", "ID", "the app's client ID (default: $SLACK_CLIENT_ID)", "SLACK_CLIENT_ID",
     &call_inputs::client_id},
    {"--client-secret", "SECRET", "the app's secret: lands in shell history, prefer $SLACK_CLIENT_SECRET",
     "SLACK_CLIENT_SECRET", &call_inputs::client_secret},
    {"--token", "TOKEN", "the token: lands in shell history, prefer $SLACK_TOKEN", "SLACK_TOKEN", &call_inputs::token},
    {"--refresh-token", "TOKEN", "the refresh token: lands in shell history, prefer $SLACK_REFRESH_TOKEN",
     "SLACK_REFRESH_TOKEN", &call_inputs::refresh_token},
    {"--single-channel", "", "ask for a single-channel token (legacy workspace apps)", nullptr, nullptr,
     &call_inputs::single_channel},
    {"--test", "", "only check that the token could be revoked", nullptr, nullptr, &call_inputs::test},
    {"--json-body", "", "send the key=value pairs as a JSON object of strings, not a form", nullptr, nullptr,
     &call_inputs::json_body},
    {"--idempotent", "", "the method may run twice harmlessly: retry it even after a lost answer", nullptr, nullptr,
     &call_inputs::idempotent},
    {"--scope", "SCOPES", "bot scopes, comma-separated", nullptr, &call_inputs::scope},
    {"--user-scope", "SCOPES", "user scopes, comma-separated", nullptr, &call_inputs::user_scope},
    {"--pkce", "", "add a PKCE code_challenge derived from the state (the server re-derives its verifier)", nullptr,
     nullptr, &call_inputs::pkce},
    {"--authorize-base", "URL", "Slack's host for the authorize URL (default: https://slack.com)", nullptr,
     &call_inputs::authorize_base},
    {"--state-secret-env", "NAME",
     "the variable holding the state secret, 32 bytes or more (default: SLACK_STATE_SECRET)", nullptr,
     &call_inputs::state_secret_env},
    {"--team", "ID", "the workspace id (T...)", nullptr, &call_inputs::team},
    {"--enterprise", "ID", "the Enterprise Grid organization id (E...), if any", nullptr, &call_inputs::enterprise},
    {"--user", "ID", "a user id (U...): that user's grant", nullptr, &call_inputs::user},
    {"--store", "SPEC", "the store: sqlite:PATH, postgresql://..., postgresql:key=value... (required)", nullptr,
     &call_inputs::store},
    {"--key-env", "NAME", "the variable holding the store's encryption key (base64, 32 bytes), if it seals tokens",
     nullptr, &call_inputs::key_env},
    {"--previous-keys-env", "NAME",
     "the variable holding older keys whose tokens still read (base64, separated by commas or spaces)", nullptr,
     &call_inputs::previous_keys_env},
    {"--seal-clear", "", "also seal the tokens found in the clear (a store that had no key); else they are refused",
     nullptr, nullptr, &call_inputs::seal_clear},
    {"--token-env", "NAME", "the variable holding the bot token to save (required)", nullptr, &call_inputs::token_env},
    {"--refresh-token-env", "NAME", "the variable holding its refresh token (a rotating token)", nullptr,
     &call_inputs::refresh_token_env},
    {"--expires-in", "SECONDS", "seconds the token has left (a rotating token)", nullptr, &call_inputs::expires_in},
    {"--api-url", "URL", "the Web API base URL (default: $SLACK_API_URL, else https://slack.com/api/)"},
    {"--cacert", "FILE", "also trust the CA certificates in FILE, e.g. the mock's (default: $SLACK_CA_FILE)", nullptr,
     &call_inputs::cacert},
    {"--insecure-http", "", "allow a plain http:// --api-url (tests only)"},
    {"--proxy", "URL",
     "tunnel through the HTTP proxy http://[user:password@]host:port (default: $HTTPS_PROXY); a password "
     "here is visible in ps and shell history, prefer $HTTPS_PROXY"},
    {"--rate-limits", "URL",
     "pace calls by Slack's tiers: local (this process alone) or redis[s]://[user:password@]host:port[/db] (shared "
     "by every process of the app; paced locally while Redis does not answer; rediss:// trusts $SSL_CERT_FILE, else "
     "the system's CAs)",
     nullptr, &call_inputs::rate_limits},
    {"--credentials", "basic|form", "credentials in a Basic header (default) or as form fields"},
    {"--timeout", "SECONDS", "bound the whole call, every attempt and wait (default: 30)"},
    {"--attempt-timeout", "SECONDS", "bound each attempt (default: 10)"},
    {"--retry", "none|standard|patient", "the retry policy (default: standard)"},
    {"--verbose", "", "attempts and waits on stderr (never secrets)", nullptr, nullptr, &call_inputs::verbose},
    {"--json", "", "print the answer as JSON (the default when stdout is not a terminal)"},
    {"--human", "", "print the answer as indented key: value lines (the default on a terminal)"},
};

const option_info* find_option(std::string_view name)
{
    const auto found = std::find_if(std::begin(catalogue), std::end(catalogue),
                                    [name](const option_info& o) { return o.name == name; });
    return found == std::end(catalogue) ? nullptr : found;
}

std::chrono::milliseconds to_milliseconds(double seconds)
{
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

slack::retry_policy named_policy(const std::string& name)
{
    if (name == "none")
        return slack::retry_policy::none();
    if (name == "standard")
        return slack::retry_policy::standard();
    if (name == "patient")
        return slack::retry_policy::patient();
    throw usage_error("--retry wants none, standard or patient");  // the value is not echoed: it may be a secret
}

web::credentials_in named_style(const std::string& style)
{
    if (style == "basic")
        return web::credentials_in::basic_auth;
    if (style == "form")
        return web::credentials_in::form;
    throw usage_error("--credentials wants basic or form");
}

// The options whose value is not stored as given.
void apply_special(std::string_view option, argument_reader& reader, web::client_options& options)
{
    if (option == "--api-url")
        options.api_url = reader.value(option);
    else if (option == "--insecure-http")
        options.allow_insecure_http = true;
    else if (option == "--proxy")
        options.proxy = reader.value(option);
    else if (option == "--credentials")
        options.credentials = named_style(reader.value(option));
    else if (option == "--timeout")
        options.timeout = to_milliseconds(parse_seconds(option, reader.value(option)));
    else if (option == "--attempt-timeout")
        options.attempt_timeout = to_milliseconds(parse_seconds(option, reader.value(option)));
    else if (option == "--retry")
        options.retry = named_policy(reader.value(option));
}

// --json: the output flag, or for a command taking words (call) the body's source when @FILE
// or - follows.
void apply_json(argument_reader& reader, const input_rules& rules, call_inputs& in)
{
    const std::string_view next = reader.peek();
    if ((rules.needs & take_words) && (next == "-" || next.starts_with('@'))) {
        const std::string source = reader.word();
        in.json_source = source == "-" ? source : source.substr(1);
        if (in.json_source.empty())
            throw usage_error("--json @FILE needs a file name after '@'");
    } else {
        in.format = call_inputs::output::json;
    }
}

void check_needs(const call_inputs& in, unsigned needs)
{
    if ((needs & need_code) && in.code.empty())
        throw usage_error("--code is required");
    if ((needs & need_client) && in.client_id.empty())
        throw usage_error("no client id: pass --client-id or set SLACK_CLIENT_ID");
    if ((needs & need_client) && in.client_secret.empty() && in.code_verifier.empty())
        throw usage_error("no client secret: set SLACK_CLIENT_SECRET");
    if ((needs & need_token) && in.token.empty())
        throw usage_error("no token: set SLACK_TOKEN");
    if ((needs & need_refresh_token) && in.refresh_token.empty())
        throw usage_error("no refresh token: set SLACK_REFRESH_TOKEN");
}

}  // namespace

call_inputs read_inputs(const std::vector<std::string_view>& args, const input_rules& rules)
{
    call_inputs in;
    in.options.proxy_from_environment = true;  // as curl: HTTPS_PROXY and NO_PROXY unless --proxy
    for (const option_info& o : catalogue)
        if (o.env)
            in.*o.text_field = environment(o.env).value_or("");
    // Not secrets, so not in the catalogue's env column (which warns about the flags).
    in.options.api_url = environment("SLACK_API_URL").value_or(in.options.api_url);
    in.cacert = environment("SLACK_CA_FILE").value_or("");
    argument_reader reader(args);
    while (!reader.done()) {
        if ((rules.needs & take_words) && reader.next_is_word()) {
            in.arguments.push_back(reader.word());
            continue;
        }
        const std::string_view option = reader.next_option();
        const option_info* info = find_option(option);
        if (!info || std::find(rules.accepted.begin(), rules.accepted.end(), option) == rules.accepted.end())
            throw usage_error("unknown option " + std::string(option));
        if (info->env && rules.warn_secret_flags)  // the name only: the value stays out of the terminal too
            std::cerr << "warning: " << option << " puts its value in shell history and ps; prefer $" << info->env
                      << "\n";
        if (info->text_field)
            in.*info->text_field = reader.value(option);
        else if (info->flag)
            in.*info->flag = true;
        else if (option == "--json")
            apply_json(reader, rules, in);
        else if (option == "--human")
            in.format = call_inputs::output::human;
        else
            apply_special(option, reader, in.options);
    }
    check_needs(in, rules.needs);
    return in;
}

std::string describe_inputs(std::span<const std::string_view> accepted)
{
    constexpr std::size_t column = 28;  // where the descriptions start, as in access --help
    std::string help = "Options:\n", environment = "Environment:\n";
    for (const std::string_view name : accepted) {
        const option_info* info = find_option(name);
        if (!info)
            continue;
        std::string left = std::string(info->name) + (info->value.empty() ? "" : " ") + std::string(info->value);
        left.append(left.size() + 2 > column ? 2 : column - left.size(), ' ');
        help += "  " + left + std::string(info->text) + "\n";
        if (info->env)
            environment += "  " + std::string(info->env) +
                           std::string(column - std::string_view(info->env).size(), ' ') + "the default " +
                           std::string(info->name) + "\n";
    }
    help += "  -h, --help                  this help\n";
    if (std::find(accepted.begin(), accepted.end(), "--api-url") != accepted.end())
        environment += "  SLACK_API_URL               the default --api-url\n";
    if (std::find(accepted.begin(), accepted.end(), "--cacert") != accepted.end())
        environment += "  SLACK_CA_FILE               the default --cacert\n";
    if (std::find(accepted.begin(), accepted.end(), "--cacert") != accepted.end())
        environment +=
            "  SSL_CERT_FILE, SSL_CERT_DIR where the system CA certificates are read (OpenSSL's defaults otherwise)\n";
    if (std::find(accepted.begin(), accepted.end(), "--proxy") != accepted.end())
        environment += SLACK_CLI_PROXY_ENVIRONMENT_HELP;
    return help + environment;
}

}  // namespace slack::cli
