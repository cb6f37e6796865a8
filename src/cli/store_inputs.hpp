#pragma once
// What the commands on an installation store share: the key they name (--team, --enterprise,
// --user), the store they open (--store, --key-env), and running their work on it to its end.
#include "cli/inputs.hpp"

#include <slack/store/installation_store.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace slack::cli {

/// The options every store command takes.
inline constexpr std::string_view store_options[] = {"--team", "--enterprise", "--user", "--store", "--key-env",
                                                     "--previous-keys-env"};

/// The key --team, --enterprise and --user name; usage_error when there is neither a team nor an
/// enterprise.
store::installation_key key_of(const call_inputs& in);

/// The keys a store command was given: $(--key-env), and the older keys in $(--previous-keys-env)
/// (which needs --key-env). usage_error (naming the variable, never a key) when one is missing or
/// malformed.
struct store_keys {
    std::optional<store::token_key> current;
    std::vector<store::token_key> previous;
};
store_keys keys_of(const call_inputs& in);

/// Opens the store --store names, with the keys of keys_of(in). usage_error (naming no value,
/// never a key) for a missing or malformed spec or key.
std::unique_ptr<store::installation_store> open_cli_store(boost::asio::any_io_executor executor,
                                                          const call_inputs& in);

/// Prints "error: NAME: MESSAGE" for a store's error on stderr; returns its exit status.
int report_store_error(const boost::system::error_code& ec);

/// Runs `work` on a fresh io_context until it ends, and returns the status it gives. Every store
/// operation is bounded by the store itself (SQLite's busy timeout, PostgreSQL's connect and
/// query timeouts); `limit` bounds the whole run anyway: past it, exit 3.
int run_to_end(boost::asio::io_context& ioc, std::function<boost::asio::awaitable<int>()> work,
               std::chrono::seconds limit);

}  // namespace slack::cli
