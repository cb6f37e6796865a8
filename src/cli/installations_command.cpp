// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth installations list|show|delete|import: the installations of a store, or one of
// them by its key.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "cli/runner.hpp"
#include "cli/store_inputs.hpp"
#include "cli/tsv.hpp"

#include <boost/asio/io_context.hpp>

#include <charconv>
#include <ctime>
#include <iostream>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

constexpr std::string_view import_options[] = {"--token-env", "--refresh-token-env", "--expires-in", "--scope"};
constexpr std::chrono::seconds store_limit{60};  // past every store's own bounds (5 s each by default)

constexpr std::string_view list_options[] = {"--store", "--key-env", "--previous-keys-env"};

// show and delete take store_options; import also import_options, but no --user (it saves a bot
// grant); list no key at all.
std::vector<std::string_view> accepted_for(std::string_view action)
{
    if (action == "list")
        return {std::begin(list_options), std::end(list_options)};
    std::vector<std::string_view> accepted(std::begin(store_options), std::end(store_options));
    if (action == "import" || action == "help")
        accepted.insert(accepted.end(), std::begin(import_options), std::end(import_options));
    if (action == "help")
        accepted.insert(accepted.end(), reseal_only_options().begin(), reseal_only_options().end());
    if (action == "import")
        std::erase(accepted, "--user");
    return accepted;
}

// "xoxb-…1234": the kind of token and enough to tell two apart, never the token.
std::string masked(const std::string& token)
{
    if (token.empty())
        return "none";
    const std::size_t dash = token.find('-');
    const std::string kind = dash == std::string::npos || dash > 10 ? std::string() : token.substr(0, dash + 1);
    constexpr std::size_t shown = 4;
    if (token.size() < kind.size() + 3 * shown)  // too short to show any of it safely
        return printable(kind) + "…";
    return printable(kind) + "…" + printable(token.substr(token.size() - shown));
}

std::string iso_utc(store::time_point t)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

void print_grant(std::ostream& out, std::string_view name, const store::token_grant& g)
{
    const std::string p = std::string(name) + "_";
    out << p << "token: " << masked(g.token) << "\n"
        << p << "refresh_token: " << (g.refresh_token.empty() ? "none" : "set (not shown)") << "\n"
        << p << "expires_at: " << (g.expires_at ? iso_utc(*g.expires_at) : "never") << "\n"
        << p << "scopes: " << printable(g.scopes) << "\n"
        << p << "user_id: " << printable(g.user_id) << "\n";
    if (name == "bot")
        out << "bot_id: " << printable(g.bot_id) << "\n";
    out << p << "revision: " << g.revision << "\n";
}

void print_installation(std::ostream& out, const store::installation& i)
{
    out << "team_id: " << printable(i.team_id) << "\n"
        << "team_name: " << printable(i.team_name) << "\n"
        << "enterprise_id: " << printable(i.enterprise_id) << "\n"
        << "enterprise_name: " << printable(i.enterprise_name) << "\n"
        << "is_enterprise_install: " << (i.is_enterprise_install ? "true" : "false") << "\n"
        << "app_id: " << printable(i.app_id) << "\n"
        << "installer: " << printable(i.user_id) << "\n"
        << "installed_at: " << iso_utc(i.installed_at) << "\n";
    if (i.bot)
        print_grant(out, "bot", *i.bot);
    if (i.user)
        print_grant(out, "user", *i.user);
    if (i.incoming_webhook)  // its URL is a credential: only the channel
        out << "webhook_channel: " << printable(i.incoming_webhook->channel) << " ("
            << printable(i.incoming_webhook->channel_id) << ")\n";
}

// Every value from the store goes through printable() (show) or tsv_field() (list): a stored name
// must not write to the terminal. One line per installation, columns separated by tabs; no token,
// not even masked.
void print_listed(std::ostream& out, const store::installation& i)
{
    out << tsv_field(i.enterprise_id) << '\t' << tsv_field(i.team_id) << '\t'
        << (i.is_enterprise_install ? "org" : "team") << '\t' << tsv_field(i.app_id) << '\t' << tsv_field(i.user_id)
        << '\t' << iso_utc(i.installed_at) << '\t';
    if (!i.bot)
        out << "none";
    else
        out << (i.bot->expires_at ? iso_utc(*i.bot->expires_at) : "never");
    out << '\t' << (i.user ? "yes" : "no") << '\t' << tsv_field(i.team_name) << '\n';
}

asio::awaitable<int> list(store::installation_store& store)
{
    constexpr std::size_t page_size = 200;
    store::installation_key after;  // empty: from the first
    std::size_t listed = 0;
    for (;;) {
        auto page = co_await store.list(after, page_size);
        if (!page)
            co_return report_store_error(page.error());
        if (after == store::installation_key{})  // the header once the store has answered: none on failure
            std::cout
                << "enterprise\tteam\tkind\tapp\tinstaller\tinstalled_at\tbot_expires_at\tuser_grant\tteam_name\n";
        for (const store::installation& i : page->installations)
            print_listed(std::cout, i);
        listed += page->installations.size();
        if (!page->next)
            break;
        after = std::move(*page->next);
    }
    std::cerr << listed << " installation" << (listed == 1 ? "" : "s") << "\n";
    co_return exit_success;
}

int not_found(const store::installation_key& key)
{
    std::cerr << "error: not_found: no installation under this key" << (key.user_id.empty() ? "" : " for this user")
              << "\n";
    return exit_slack_error;
}

asio::awaitable<int> show(store::installation_store& store, const store::installation_key& key)
{
    auto found = co_await store.find(key);
    if (!found)
        co_return report_store_error(found.error());
    if (!*found)
        co_return not_found(key);
    print_installation(std::cout, **found);
    co_return exit_success;
}

asio::awaitable<int> remove(store::installation_store& store, const store::installation_key& key)
{
    auto removed = co_await store.remove(key);
    if (!removed)
        co_return report_store_error(removed.error());
    if (*removed == 0)
        co_return not_found(key);
    std::cout << "deleted " << *removed << " row" << (*removed == 1 ? "" : "s") << "\n";
    co_return exit_success;
}

std::string secret_from(const std::string& variable, std::string_view option)
{
    if (!is_variable_name(variable))
        throw usage_error(std::string(option) + " wants a variable name");
    std::optional<std::string> value = environment(variable.c_str());
    if (!value)
        throw usage_error(variable + " (" + std::string(option) + ") is not set");
    return std::move(*value);
}

// The installation import saves: a bot grant under --team (or an org-wide install under --enterprise).
store::installation imported(const call_inputs& in)
{
    if (in.token_env.empty())
        throw usage_error("--token-env is required");
    store::token_grant grant;
    grant.token = secret_from(in.token_env, "--token-env");
    grant.scopes = in.scope;
    if (!in.refresh_token_env.empty())
        grant.refresh_token = secret_from(in.refresh_token_env, "--refresh-token-env");
    const auto now = std::chrono::system_clock::now();
    if (!in.expires_in.empty()) {
        long long seconds = -1;
        const auto [end, error] =
            std::from_chars(in.expires_in.data(), in.expires_in.data() + in.expires_in.size(), seconds);
        if (error != std::errc() || end != in.expires_in.data() + in.expires_in.size() || seconds < 0)
            throw usage_error("--expires-in wants a whole number of seconds, 0 or more");
        grant.expires_at = now + std::chrono::seconds(seconds);
    }
    store::installation i;
    i.enterprise_id = in.enterprise;
    i.team_id = in.team;
    i.is_enterprise_install = in.team.empty();
    i.bot = std::move(grant);
    i.installed_at = now;
    return i;
}

asio::awaitable<int> import(store::installation_store& store, const store::installation& i)
{
    auto save = store.save(i);  // copied in a statement of its own: no temporary with a destructor in the co_await
    auto saved = co_await std::move(save);
    if (!saved)
        co_return report_store_error(saved.error());
    std::cout << "saved\n";
    co_return exit_success;
}

}  // namespace

std::string installations_help()
{
    return "usage: slack-oauth installations list --store SPEC [--key-env NAME]\n"
           "       slack-oauth installations show|delete|import --team ID --store SPEC [options]\n"
           "       slack-oauth installations reseal --store SPEC --key-env NAME [--previous-keys-env NAME]\n"
           "The installations in a store (slack::store::open_store), or one of them by its key:\n"
           "  list    prints a header line, then one line per installation in key order, tab-separated:\n"
           "          enterprise, team ('-' when none), kind (org for an org-wide install, else team),\n"
           "          app, installer, installed_at, bot_expires_at (never, or none without a bot\n"
           "          grant), user_grant (yes or no), team_name. No tokens. The count goes to stderr.\n"
           "  show    prints its fields: ids, names, enterprise install, app id, installer, scopes,\n"
           "          expiry (UTC, ISO 8601), revision, webhook channel. Tokens only masked\n"
           "          (xoxb-…WXYZ), refresh tokens only as set or none. Not found: exit 1.\n"
           "  delete  deletes it and its user grants (with --user, only that user's grant); prints\n"
           "          how many rows went. Not found: exit 1.\n"
           "  import  saves a bot grant from the environment (--token-env, and for a rotating token\n"
           "          --refresh-token-env and --expires-in), replacing what was under the key: for\n"
           "          tests and migrations. It takes no --user.\n" +
           reseal_help() +
           "In list and show, control characters in a stored value are written out: \\, tab, newline\n"
           "and CR as \\\\, \\t, \\n and \\r, other control bytes and DEL as \\xHH, U+0080-U+009F as\n"
           "\\u00HH, bytes that are not UTF-8 as \\xHH.\n"
           "list takes only --store, --key-env and --previous-keys-env. Only import creates a store: the\n"
           "others open an existing one (a missing SQLite file: exit 3, naming it).\n" +
           describe_inputs(accepted_for("help")) +
           "  the variables --key-env, --previous-keys-env, --token-env and --refresh-token-env name\n"
           "Exit status: 0 success, 1 not found or the store refused (corrupt_row, decryption_failed...),\n"
           "2 usage, 3 the store cannot be reached (unavailable, or a missing SQLite file) or no answer\n"
           "in 60 s (reseal: an hour).\n";
}

int run_installations(const std::vector<std::string_view>& args)
{
    if (!args.empty() && args[0] == "reseal")
        return run_installations_reseal({args.begin() + 1, args.end()});
    if (args.empty() || (args[0] != "list" && args[0] != "show" && args[0] != "delete" && args[0] != "import")) {
        std::cerr << "usage error: installations wants list, show, delete, import or reseal first\n"
                     "Run 'slack-oauth installations --help' for its options.\n";
        return exit_usage;
    }
    const std::string_view action = args[0];
    const std::vector<std::string_view> accepted = accepted_for(action);
    asio::io_context ioc;
    call_inputs in;
    store::installation_key key;
    std::unique_ptr<store::installation_store> store;
    store::installation to_save;
    try {
        in = read_inputs({args.begin() + 1, args.end()}, {.accepted = accepted});
        if (action != "list")
            key = key_of(in);
        if (action == "import")
            to_save = imported(in);
        store = open_cli_store(ioc.get_executor(), in,
                               action == "import" ? store_opening::create : store_opening::existing);
    } catch (const usage_error& e) {
        return report_usage_error("installations", e);
    } catch (const store_missing& e) {
        return report_store_missing(e);
    }
    auto work = [&]() -> asio::awaitable<int> {
        if (action == "list")
            co_return co_await list(*store);
        if (action == "show")
            co_return co_await show(*store, key);
        if (action == "delete")
            co_return co_await remove(*store, key);
        co_return co_await import(*store, to_save);
    };
    return run_to_end(ioc, work, store_limit);
}

}  // namespace slack::cli
