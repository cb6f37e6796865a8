// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Opens the store a configuration string names, for programs that let their operator choose
/// (the CLI, the example server, the multi-process tests). Link slack::stores (every backend).
///   "sqlite:PATH"                               sqlite_store on the file PATH
///   "postgresql://..." or "postgres://..."      postgresql_store; the whole string is libpq's URI
///   "postgresql:host=... dbname=..."            postgresql_store; after the colon, libpq's key=value form
///   "memory:"                                   memory_store (this process only)
#include <slack/store/installation_store.hpp>
#include <slack/store/token_key.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/system/result.hpp>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace slack::store {

/// `key` seals tokens (the SQL stores' encryption_key); `previous_keys` are older keys whose
/// tokens still read (their previous_keys). Error: boost::system::errc::invalid_argument for a
/// string of none of these forms. Opening connects nothing: a store that cannot be reached says so
/// at its first operation.
boost::system::result<std::unique_ptr<installation_store>> open_store(boost::asio::any_io_executor executor,
                                                                      std::string_view spec,
                                                                      std::optional<token_key> key = std::nullopt,
                                                                      std::vector<token_key> previous_keys = {});

}  // namespace slack::store
