#include <slack/store/open_store.hpp>

#include <slack/store/memory_store.hpp>
#include <slack/store/postgresql_store.hpp>
#include <slack/store/sqlite_store.hpp>

#include <boost/system/errc.hpp>

namespace slack::store {

boost::system::result<std::unique_ptr<installation_store>> open_store(boost::asio::any_io_executor executor,
                                                                       std::string_view spec,
                                                                       std::optional<token_key> key)
{
    if (spec.starts_with("sqlite:") && spec.size() > 7)
        return std::make_unique<sqlite_store>(executor,
                                              sqlite_options{.path = std::string(spec.substr(7)), .encryption_key = key});
    if (spec.starts_with("postgresql://") || spec.starts_with("postgres://"))
        return std::make_unique<postgresql_store>(
            executor, postgresql_options{.connection = std::string(spec), .encryption_key = key});
    if (spec.starts_with("postgresql:") && spec.size() > 11)
        return std::make_unique<postgresql_store>(
            executor, postgresql_options{.connection = std::string(spec.substr(11)), .encryption_key = key});
    if (spec == "memory:")
        return std::make_unique<memory_store>(executor);
    return boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
}

}  // namespace slack::store
