// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "cli/store_inputs.hpp"

#include "cli/options.hpp"
#include "cli/report.hpp"

#include <slack/store/open_store.hpp>
#include <slack/store/store_errc.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <filesystem>
#include <algorithm>
#include <iostream>
#include <optional>
#include <string>

namespace slack::cli {

namespace asio = boost::asio;

store::installation_key key_of(const call_inputs& in)
{
    if (in.team.empty() && in.enterprise.empty())
        throw usage_error("--team is required (or --enterprise, for an org-wide install)");
    return {in.enterprise, in.team, in.user};
}

namespace {

// The text of the variable an option names; usage_error when it is not set.
std::string variable_text(const std::string& name, std::string_view option, std::string_view what)
{
    if (!is_variable_name(name))
        throw usage_error(std::string(option) + " wants a variable name");
    std::optional<std::string> text = environment(name.c_str());
    if (!text)
        throw usage_error("no " + std::string(what) + ": " + name + " is not set");
    return std::move(*text);
}

store::token_key decoded_key(std::string_view text, const std::string& what)
{
    auto decoded = store::token_key::from_base64(text);
    if (!decoded)  // the key itself is never shown
        throw usage_error(what + " is not 32 bytes of base64");
    return *decoded;
}

}  // namespace

store_keys keys_of(const call_inputs& in)
{
    store_keys keys;
    if (!in.key_env.empty())
        keys.current = decoded_key(variable_text(in.key_env, "--key-env", "encryption key"),
                                   "the encryption key in " + in.key_env);
    if (in.previous_keys_env.empty())
        return keys;
    if (!keys.current)
        throw usage_error("--previous-keys-env needs --key-env: older keys are read only beside the current one");
    const std::string text = variable_text(in.previous_keys_env, "--previous-keys-env", "previous keys");
    std::size_t at = 0;
    while ((at = text.find_first_not_of(", \t\n", at)) != std::string::npos) {
        const std::size_t end = std::min(text.find_first_of(", \t\n", at), text.size());
        keys.previous.push_back(
            decoded_key(std::string_view(text).substr(at, end - at),
                        "key " + std::to_string(keys.previous.size() + 1) + " in " + in.previous_keys_env));
        at = end;
    }
    if (keys.previous.empty())
        throw usage_error(in.previous_keys_env + " holds no key");
    return keys;
}

std::unique_ptr<store::installation_store> open_cli_store(asio::any_io_executor executor, const call_inputs& in,
                                                          store_opening opening)
{
    if (in.store.empty())
        throw usage_error("--store is required (sqlite:PATH, postgresql://..., postgresql:key=value...)");
    // sqlite_store creates a missing file; a PostgreSQL database is never created by connecting.
    constexpr std::string_view sqlite_prefix = "sqlite:";
    if (opening == store_opening::existing && in.store.starts_with(sqlite_prefix)) {
        const std::string path = in.store.substr(sqlite_prefix.size());
        std::error_code ignored;
        if (!path.empty() && !std::filesystem::exists(path, ignored))
            throw store_missing("no SQLite database at " + path + " (only installations import creates one)");
    }
    store_keys keys = keys_of(in);
    auto opened = store::open_store(std::move(executor), in.store, std::move(keys.current), std::move(keys.previous));
    if (!opened)  // the spec may hold a password: not shown
        throw usage_error("--store wants sqlite:PATH, postgresql://... or postgresql:key=value...");
    return std::move(*opened);
}

int report_store_missing(const store_missing& e)
{
    std::cerr << "error: " << to_string(store_errc::unavailable) << ": " << e.what() << "\n";
    return exit_status_for(store_errc::unavailable);
}

int report_store_error(const boost::system::error_code& ec, const slack::diagnostics& diag)
{
    std::cerr << error_line(ec, diag) << "\n";
    return exit_status_for(ec);
}

int run_to_end(asio::io_context& ioc, std::function<asio::awaitable<int>()> work, std::chrono::seconds limit)
{
    std::optional<int> status;
    auto run = [&]() -> asio::awaitable<void> {
        status = co_await work();
        ioc.stop();  // a Redis limiter (--rate-limits) keeps its connection alive: the work is done
    };
    asio::co_spawn(ioc, run(), asio::detached);
    ioc.run_for(limit);
    if (!status) {
        std::cerr << "error: timed_out: no answer within " << limit.count() << " s\n";
        return exit_transport;
    }
    return *status;
}

}  // namespace slack::cli
