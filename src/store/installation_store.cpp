// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The argument checks of every store, applied by installation_store's public functions (and
// resealable_store's) before a backend is called: a backend only ever sees usable arguments.
#include <slack/store/installation_store.hpp>
#include <slack/store/resealable_store.hpp>

#include "store/completion.hpp"

namespace slack::store::detail {

using boost::system::error_code;

error_code key_refusal(installation_key_view key) noexcept
{
    if (key.enterprise_id.empty() && key.team_id.empty())
        return store_errc::invalid_key;
    return {};
}

error_code grant_refusal(installation_key_view key, grant_kind kind) noexcept
{
    if (error_code refused = key_refusal(key))
        return refused;
    // A cast integer may be neither kind: it names no grant.
    const bool named = kind == grant_kind::bot || (kind == grant_kind::user && !key.user_id.empty());
    return named ? error_code() : error_code(store_errc::invalid_key);
}

error_code page_refusal(std::size_t limit) noexcept
{
    if (limit < 1 || limit > max_page_size)
        return store_errc::invalid_page_size;
    return {};
}

error_code save_refusal(const installation& i) noexcept
{
    const bool named = i.is_enterprise_install ? !i.enterprise_id.empty() : !i.team_id.empty();
    return named ? error_code() : error_code(store_errc::invalid_key);
}

template <class T>
void refuse(const boost::asio::any_io_executor& fallback, store_handler<T> handler, error_code refused)
{
    complete<T>(fallback, handler, store_result<T>(boost::system::in_place_error, refused));
}

// Every T an operation yields.
template void refuse(const boost::asio::any_io_executor&, store_handler<void>, error_code);
template void refuse(const boost::asio::any_io_executor&, store_handler<std::optional<installation>>, error_code);
template void refuse(const boost::asio::any_io_executor&, store_handler<std::size_t>, error_code);
template void refuse(const boost::asio::any_io_executor&, store_handler<installation_page>, error_code);
template void refuse(const boost::asio::any_io_executor&, store_handler<bool>, error_code);
template void refuse(const boost::asio::any_io_executor&, store_handler<reseal_page>, error_code);

}  // namespace slack::store::detail
