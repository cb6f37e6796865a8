// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the commands on an installation store share: the key they name (--team, --enterprise,
// --user), the store they open (--store, --key-env), and running their work on it to its end.
#include "cli/inputs.hpp"

#include <slack/diagnostics.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <optional>
#include <vector>

namespace slack::cli {

/// The options every store command takes.
inline constexpr std::string_view store_options[] = {"--team",  "--enterprise", "--user",
                                                     "--store", "--key-env",    "--previous-keys-env"};

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

/// Whether a command may create the store it opens. Only one that writes an installation does:
/// a command that reads (or deletes, or refreshes what is there) on a mistyped path would
/// otherwise create an empty database and report that it holds nothing.
enum class store_opening { existing, create };

/// A store opened as existing is not there (a SQLite file that does not exist). Its message
/// names the file.
struct store_missing : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Opens the store --store names, with the keys of keys_of(in). usage_error (naming no value,
/// never a key) for a missing or malformed spec or key; store_missing for an existing store that
/// is not there.
std::unique_ptr<store::installation_store> open_cli_store(boost::asio::any_io_executor executor, const call_inputs& in,
                                                          store_opening opening);

/// Prints "error: unavailable: ..." naming the missing store; returns its exit status (that of
/// store_errc::unavailable: the store cannot be reached).
int report_store_missing(const store_missing& e);

/// Prints "error: NAME: MESSAGE" for a store's error (or, with `diag`, a refresh's: NAME is then
/// Slack's exact string) on stderr; returns its exit status.
int report_store_error(const boost::system::error_code& ec, const slack::diagnostics& diag = {});

/// Runs `work` on a fresh io_context until it ends, and returns the status it gives. Every store
/// operation is bounded by the store itself (SQLite's busy timeout, PostgreSQL's connect and
/// query timeouts); `limit` bounds the whole run anyway: past it, exit 3.
int run_to_end(boost::asio::io_context& ioc, std::function<boost::asio::awaitable<int>()> work,
               std::chrono::seconds limit);

}  // namespace slack::cli
