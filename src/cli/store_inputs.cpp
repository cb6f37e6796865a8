#include "cli/store_inputs.hpp"

#include "cli/options.hpp"
#include "cli/report.hpp"

#include <slack/store/open_store.hpp>
#include <slack/store/store_errc.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace slack::cli {

namespace asio = boost::asio;

store::installation_key key_of(const call_inputs& in)
{
    if (in.team.empty() && in.enterprise.empty())
        throw usage_error("--team is required (or --enterprise, for an org-wide install)");
    return {in.enterprise, in.team, in.user};
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
    std::optional<store::token_key> key;
    if (!in.key_env.empty()) {
        if (!is_variable_name(in.key_env))
            throw usage_error("--key-env wants a variable name");
        const std::optional<std::string> text = environment(in.key_env.c_str());
        if (!text)
            throw usage_error("no encryption key: " + in.key_env + " is not set");
        auto decoded = store::token_key::from_base64(*text);
        if (!decoded)  // the key itself is never shown
            throw usage_error("the encryption key in " + in.key_env + " is not 32 bytes of base64");
        key.emplace(*decoded);
    }
    auto opened = store::open_store(std::move(executor), in.store, key);
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
    auto run = [&]() -> asio::awaitable<void> { status = co_await work(); };
    asio::co_spawn(ioc, run(), asio::detached);
    ioc.run_for(limit);
    if (!status) {
        std::cerr << "error: timed_out: no answer within " << limit.count() << " s\n";
        return exit_transport;
    }
    return *status;
}

}  // namespace slack::cli
