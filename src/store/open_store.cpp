// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/store/open_store.hpp>

#include <slack/store/memory_store.hpp>
#include <slack/store/postgresql_store.hpp>
#include <slack/store/sqlite_store.hpp>

#include <boost/system/errc.hpp>

namespace slack::store {

boost::system::result<std::unique_ptr<installation_store>> open_store(boost::asio::any_io_executor executor,
                                                                      std::string_view spec,
                                                                      std::optional<token_key> key,
                                                                      std::vector<token_key> previous_keys)
{
    if (spec.starts_with("sqlite:") && spec.size() > 7)
        return std::make_unique<sqlite_store>(executor, sqlite_options{.path = std::string(spec.substr(7)),
                                                                       .encryption_key = std::move(key),
                                                                       .previous_keys = std::move(previous_keys)});
    auto postgresql = [&](std::string_view connection) -> std::unique_ptr<installation_store> {
        return std::make_unique<postgresql_store>(executor,
                                                  postgresql_options{.connection = std::string(connection),
                                                                     .encryption_key = std::move(key),
                                                                     .previous_keys = std::move(previous_keys)});
    };
    if (spec.starts_with("postgresql://") || spec.starts_with("postgres://"))
        return postgresql(spec);
    if (spec.starts_with("postgresql:") && spec.size() > 11)
        return postgresql(spec.substr(11));
    if (spec == "memory:")
        return std::make_unique<memory_store>(executor);
    return boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
}

}  // namespace slack::store
