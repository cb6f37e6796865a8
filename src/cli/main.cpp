// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth: call Slack's OAuth methods, run the mock server, or see a demo.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/manual.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

#include <slack/version.hpp>

#include <algorithm>
#include <exception>
#include <iostream>

namespace {

// Each command's help: every option its parser accepts (test/cli/cli_test.sh checks) and
// every environment variable it reads.
constexpr const char* access_help =
    "usage: slack-oauth access --code CODE [options]\n"
    "Exchanges an OAuth code for a token (oauth.access); prints Slack's answer on success.\n"
    "Options:\n"
    "  --code CODE                 the code Slack passed to your redirect URI (required)\n"
    "  --client-id ID              the app's client ID (default: $SLACK_CLIENT_ID)\n"
    "  --client-secret SECRET      the app's secret: visible in ps and shell history, prefer $SLACK_CLIENT_SECRET\n"
    "  --redirect-uri URI          the redirect_uri the code was issued for, if any\n"
    "  --single-channel            ask for a single-channel token (legacy workspace apps)\n"
    "  --api-url URL               the Web API base URL (default: $SLACK_API_URL, else https://slack.com/api/)\n"
    "  --cacert FILE               also trust the CA certificates in FILE, e.g. the mock's (default: $SLACK_CA_FILE)\n"
    "  --insecure-http             allow a plain http:// --api-url (tests only)\n"
    "  --proxy URL                 tunnel through the HTTP proxy http://[user:password@]host:port (default: "
    "$HTTPS_PROXY);\n"
    "                              a password here is visible in ps and shell history, prefer $HTTPS_PROXY\n"
    "  --rate-limits URL           pace calls by Slack's tiers: local (this process alone) or\n"
    "                              redis[s]://[user:password@]host:port[/db] (shared by every process of the app;\n"
    "                              paced locally while Redis does not answer; rediss:// trusts $SSL_CERT_FILE,\n"
    "                              else the system's CAs)\n"
    "  --credentials basic|form    credentials in a Basic header (default) or as form fields\n"
    "  --timeout SECONDS           bound the whole call, every attempt and wait (default: 30)\n"
    "  --attempt-timeout SECONDS   bound each attempt (default: 10)\n"
    "  --retry none|standard|patient  the retry policy (default: standard)\n"
    "  --verbose                   attempts and waits on stderr (never secrets)\n"
    "  --json                      print the answer as JSON (the default when stdout is not a terminal)\n"
    "  --human                     print the answer as indented key: value lines (the default on a terminal)\n"
    "  -h, --help                  this help\n"
    "Environment:\n"
    "  SLACK_CLIENT_ID             the default --client-id\n"
    "  SLACK_CLIENT_SECRET         the client secret, unless --client-secret is given\n"
    "  SLACK_API_URL               the default --api-url\n"
    "  SLACK_CA_FILE               the default --cacert\n"
    "  SSL_CERT_FILE, SSL_CERT_DIR where the system CA certificates are read (OpenSSL's defaults "
    "otherwise)\n" SLACK_CLI_PROXY_ENVIRONMENT_HELP
    "Exit status: 0 success, 1 Slack answered ok:false, 2 usage, 3 transport, TLS, HTTP or\n"
    "protocol failure, 4 the outcome is unknown (the code may have been spent).\n";

constexpr const char* mock_help =
    "usage: slack-oauth mock [options]\n"
    "Runs the mock Slack Web API over TLS on 127.0.0.1 until SIGINT or SIGTERM, and prints its URL.\n"
    "Options:\n"
    "  --port N                    listen on port N (default: 0, an ephemeral port)\n"
    "  --ca-out FILE               write its self-signed CA certificate to FILE, for clients to trust\n"
    "  --client-id ID              the one app it knows (default: 1111111111.2222222222)\n"
    "  --client-secret SECRET      that app's secret (default: mock-client-secret-0123456789)\n"
    "  --no-token-rotation         the app has token rotation off: long-lived tokens, no refresh tokens\n"
    "  --access-token-lifetime SECONDS  expires_in of rotating access tokens (default: 43200)\n"
    "  --refresh-grace SECONDS     a used refresh token still works this long; 0: never again (default: 10)\n"
    "  --refresh-delay SECONDS     answer refreshes this late, after rotating the pair (default: 0)\n"
    "  --code-lifetime SECONDS     codes expire after this (default: 600)\n"
    "  --idle-timeout SECONDS      close idle keep-alive connections after this (default: 30)\n"
    "  --team-id ID                the workspace every installation is on (default: T0MOCKTEAM)\n"
    "  --team-name NAME            its name (default: Mock Team)\n"
    "  --app-id ID                 the app's id (default: A0MOCKAPP)\n"
    "  --redirect-url URL          the app's configured Redirect URL, used when a request has none\n"
    "  --decline-authorize         the authorize pages answer as if the user declined (access_denied)\n"
    "  -h, --help                  this help\n"
    "Environment: none read.\n"
    "Endpoints: POST /mock/codes mints a code, POST /mock/tokens an installation's tokens,\n"
    "POST /mock/faults arms lost refresh answers, POST /mock/reset forgets requests, rate-limit\n"
    "windows, faults, codes and tokens; magic codes script failures (docs/mock-server.md).\n";

constexpr const char* demo_help =
    "usage: slack-oauth demo\n"
    "Starts the mock in-process and narrates a few exchanges against it: success, a code used\n"
    "twice, a rate limit waited out, an answer lost after the code was spent.\n"
    "Options:\n"
    "  -h, --help                  this help\n"
    "Environment: none needed (it trusts the mock's own certificate).\n";

// access, mock and demo, the commands of method_commands.cpp, then those on installs and stores.
const std::vector<slack::cli::listed_command>& commands()
{
    static const std::vector<slack::cli::listed_command> all = [] {
        std::vector<slack::cli::listed_command> listed = {
            {"access", "exchange an OAuth code for a token (oauth.access)", access_help, slack::cli::run_access},
            {"mock", "run the mock Slack API server until interrupted", mock_help, slack::cli::run_mock},
            {"demo", "start the mock in-process and show exchanges against it", demo_help, slack::cli::run_demo},
        };
        for (slack::cli::listed_command& c : slack::cli::method_commands())
            listed.push_back(std::move(c));
        listed.push_back({"authorize-url", "print an install URL with a signed state, and its cookie",
                          slack::cli::authorize_url_help(), slack::cli::run_authorize_url});
        listed.push_back({"installations", "list, show, delete or import the installations in a store",
                          slack::cli::installations_help(), slack::cli::run_installations});
        listed.push_back({"token", "print a valid token from a store, refreshing it if needed",
                          slack::cli::token_help(), slack::cli::run_token});
        return listed;
    }();
    return all;
}

const slack::cli::listed_command* find_command(std::string_view name)
{
    const auto found = std::find_if(commands().begin(), commands().end(),
                                    [name](const slack::cli::listed_command& c) { return c.name == name; });
    return found == commands().end() ? nullptr : &*found;
}

std::string usage()
{
    constexpr std::size_t column = 17;  // past the longest name, openid-userinfo
    std::string out =
        "usage: slack-oauth <command> [options]\n"
        "       slack-oauth --version | --help | --help-markdown | --help-man\n";
    for (const slack::cli::listed_command& c : commands())
        out += "  " + std::string(c.name) + std::string(column - c.name.size(), ' ') + std::string(c.summary) + "\n";
    out +=
        "Run 'slack-oauth <command> --help' for a command's options and environment.\n"
        "Slack's answers print as JSON, or as key: value lines when stdout is a terminal (--json, --human).\n";
    return out + slack::cli::exit_statuses_help;
}

void print_usage(std::ostream& out) { out << usage(); }

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

}  // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        print_usage(std::cerr);
        return slack::cli::exit_usage;
    }
    const std::string_view name = argv[1];
    const std::vector<std::string_view> args(argv + 2, argv + argc);
    if (name == "--version") {
        std::cout << "slack-oauth " << slack::version() << "\n";
        return slack::cli::exit_success;
    }
    if (name == "--help-markdown" || name == "--help-man") {  // docs/cli.md, docs/slack-oauth.1
        std::cout << (name == "--help-man" ? slack::cli::manual_troff(usage(), commands())
                                           : slack::cli::manual_markdown(usage(), commands()));
        return slack::cli::exit_success;
    }
    if (is_help(name) || name == "help") {
        // "slack-oauth help access" is "slack-oauth access --help".
        const slack::cli::listed_command* about = args.empty() ? nullptr : find_command(args[0]);
        if (about)
            std::cout << about->help;
        else
            print_usage(std::cout);
        return slack::cli::exit_success;
    }
    const slack::cli::listed_command* chosen = find_command(name);
    if (!chosen) {
        // A plain word is shown; anything else may be a secret typed in the wrong place.
        std::cerr << "usage error: unknown command"
                  << (slack::cli::is_plain_name(name) ? " '" + std::string(name) + "'" : std::string()) << "\n";
        print_usage(std::cerr);
        return slack::cli::exit_usage;
    }
    if (std::any_of(args.begin(), args.end(), is_help)) {
        std::cout << chosen->help;
        return slack::cli::exit_success;
    }
    try {
        return chosen->run(args);
    } catch (const std::exception& e) {
        std::cerr << "error: internal: " << e.what() << "\n";
        return slack::cli::exit_transport;
    }
}
