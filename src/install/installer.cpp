// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The install flow's two ends: the start (authorize URL, state, cookie, PKCE challenge) and the
// callback (redirect_checks.hpp: state, single use, redirect error; then code exchange, save).
#include <slack/install/installer.hpp>

#include "install/cancelled.hpp"
#include "install/flow_parts.hpp"

#include <slack/install/authorize_url.hpp>
#include <slack/install/installation_from.hpp>
#include <slack/web/oauth.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace slack::install {
namespace asio = boost::asio;
using boost::system::result;

namespace detail {

class installer_impl : public flow_parts<installer_options> {
public:
    using flow_parts::flow_parts;

    asio::awaitable<result<store::installation>> complete(std::string query, std::string cookies,
                                                          slack::diagnostics* given)
    {
        co_await asio::this_coro::throw_if_cancelled(false);
        callback_diagnostics diag(given);
        auto checked = co_await check_redirect(signer, store, query, cookies);
        if (!checked)
            co_return checked.error();
        const web::pkce_pair pkce = pkce_for(checked->state);
        // The call checks the cancellation it sees before each step; one that came earlier is ours.
        if (co_await cancelled())
            co_return boost::system::error_code(asio::error::operation_aborted);
        auto answer = co_await web::oauth(client).v2_access(code_grant(*checked, pkce), diag.get());
        if (!answer)
            co_return answer.error();
        // Slack has issued the tokens for a code spent for good: the save is not cancelled, or they
        // would be lost (it is bounded by the store's own timeouts).
        store::installation installed = installation_from(*answer);
        auto saved = co_await store.save(installed,
                                         asio::bind_cancellation_slot(asio::cancellation_slot(), asio::use_awaitable));
        if (!saved)
            co_return saved.error();
        co_return installed;
    }
};

template void start_callback(const std::shared_ptr<installer_impl>&, std::string, std::string, slack::diagnostics*,
                             asio::any_completion_handler<install_signature>);

}  // namespace detail

installer::installer(web::client& client, store::installation_store& store, const state_signer& signer,
                     installer_options options)
    : impl_(std::make_shared<detail::installer_impl>(client, store, signer, std::move(options)))
{
}
installer::installer(installer&&) noexcept = default;
installer& installer::operator=(installer&&) noexcept = default;
installer::~installer() = default;

install_start installer::begin(std::string_view team) const
{
    const detail::new_attempt attempt = impl_->attempt();
    const installer_options& o = impl_->options;
    return {authorize_url({.client_id = o.client_id,
                           .scope = o.scope,
                           .user_scope = o.user_scope,
                           .redirect_uri = o.redirect_uri,
                           .state = attempt.issued.state,
                           .team = team,
                           .code_challenge = attempt.pkce.challenge},
                          o.authorize_base),
            attempt.issued.set_cookie};
}

}  // namespace slack::install
