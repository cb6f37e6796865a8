// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "install/redirect_checks.hpp"

#include "install/cancelled.hpp"

#include <slack/install/redirect_query.hpp>

#include <boost/asio/error.hpp>

namespace slack::install::detail {

using boost::system::error_code;
using boost::system::result;

boost::asio::awaitable<result<checked_redirect>> check_redirect(const state_signer& signer,
                                                                store::installation_store& store,
                                                                std::string_view query, std::string_view cookie_header)
{
    auto redirect = parse_redirect_query(query);
    if (!redirect)
        co_return redirect.error();
    auto state = signer.verify(redirect->state, cookie_header);
    if (!state)
        co_return state.error();
    if (co_await cancelled())
        co_return error_code(boost::asio::error::operation_aborted);
    // Started apart from the co_await (g++ 12 and by-value strings across a suspension).
    auto spend = store.consume_nonce(state->replay_key, state->expires_at);
    auto first_use = co_await std::move(spend);
    if (!first_use)
        co_return first_use.error();
    if (co_await cancelled())  // spent, but the code is not exchanged
        co_return error_code(boost::asio::error::operation_aborted);
    if (!*first_use)
        co_return error_code(install_errc::state_replayed);
    if (const error_code declined = authorize_error(*redirect))
        co_return declined;
    co_return checked_redirect{std::move(redirect->code), std::move(*state)};
}

}  // namespace slack::install::detail
