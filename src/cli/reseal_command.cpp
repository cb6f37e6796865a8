// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// slack-oauth installations reseal: every token of a store sealed anew under its current key, for
// key rotation (docs/security.md). A sub-command of installations, in a file of its own.
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "cli/runner.hpp"
#include "cli/store_inputs.hpp"

#include <slack/store/resealable_store.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>

namespace slack::cli {

namespace asio = boost::asio;

namespace {

constexpr std::string_view reseal_options[] = {"--store", "--key-env", "--previous-keys-env", "--seal-clear"};
constexpr std::size_t page_size = 200;
// Each page is bounded by the store's own timeouts; the whole store may take long.
constexpr std::chrono::seconds reseal_limit{3600};

asio::awaitable<int> reseal_all(store::resealable_store& store, store::clear_tokens clear, const std::string& key_id)
{
    store::installation_key after;  // empty: from the first
    std::size_t installations = 0, grants = 0;
    for (;;) {
        auto page = co_await store.reseal(after, page_size, clear);
        if (!page) {
            std::cerr << "resealed " << grants << " grants of " << installations << " installations before:\n";
            co_return report_store_error(page.error());
        }
        installations += page->installations;
        grants += page->grants;
        if (!page->next)
            break;
        after = std::move(*page->next);
    }
    std::cout << "resealed " << grants << " grants of " << installations << " installations under key " << key_id
              << "\n";
    co_return exit_success;
}

}  // namespace

std::span<const std::string_view> reseal_only_options()
{
    return std::span(reseal_options).subspan(3);  // --seal-clear: the others are store_options
}

std::string reseal_help()
{
    return "  reseal  seals every token of the store anew under the key in --key-env: tokens sealed under\n"
           "          the keys in --previous-keys-env, or before sealed values named their key, are opened\n"
           "          and sealed again; revisions are kept. Prints how many grants it rewrote and the key's\n"
           "          id. A token in the clear is refused (it may be planted) unless --seal-clear. It takes\n"
           "          --store, --key-env (required), --previous-keys-env and --seal-clear.\n";
}

int run_installations_reseal(const std::vector<std::string_view>& args)
{
    asio::io_context ioc;
    call_inputs in;
    std::string key_id;
    std::unique_ptr<store::installation_store> opened;
    try {
        in = read_inputs(args, {.accepted = reseal_options});
        if (in.key_env.empty())
            throw usage_error("--key-env is required: the key to seal under");
        key_id = keys_of(in).current->id();
        opened = open_cli_store(ioc.get_executor(), in, store_opening::existing);
        if (!dynamic_cast<store::resealable_store*>(opened.get()))
            throw usage_error("--store names a store that seals nothing (memory:)");
    } catch (const usage_error& e) {
        return report_usage_error("installations", e);
    } catch (const store_missing& e) {
        return report_store_missing(e);
    }
    auto& store = dynamic_cast<store::resealable_store&>(*opened);
    const store::clear_tokens clear = in.seal_clear ? store::clear_tokens::seal : store::clear_tokens::refuse;
    return run_to_end(
        ioc, [&] { return reseal_all(store, clear, key_id); }, reseal_limit);
}

}  // namespace slack::cli
