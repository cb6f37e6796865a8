// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Sign in with Slack's two ends: the start (OpenID authorize URL, state, nonce, cookie, PKCE
// challenge) and the callback (redirect_checks.hpp; then openid.connect.token and the id_token).
#include <slack/install/sign_in.hpp>

#include "install/cancelled.hpp"
#include "install/flow_parts.hpp"

#include <slack/install/authorize_url.hpp>
#include <slack/web/openid.hpp>

#include <boost/asio/error.hpp>
#include <boost/asio/this_coro.hpp>

namespace slack::install {
namespace asio = boost::asio;
using boost::system::result;

namespace detail {

// The store serves consume_nonce only: a sign-in is not an install (sign_in.hpp).
class sign_in_impl : public flow_parts<sign_in_options> {
public:
    using flow_parts::flow_parts;

    asio::awaitable<result<signed_in_user>> complete(std::string query, std::string cookies, slack::diagnostics* given)
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
        auto answer = co_await web::openid(client).token(code_grant(*checked, pkce), diag.get());
        if (!answer)
            co_return answer.error();
        auto claims =
            check_id_token(answer->id_token(),
                           {.client_id = options.client_id, .nonce = checked->state.nonce, .issuer = options.issuer});
        if (!claims)
            co_return claims.error();
        signed_in_user user{.claims = std::move(*claims),
                            .access_token = std::string(answer->access_token()),
                            .refresh_token = std::string(answer->refresh_token()),
                            .expires_at = answer->expires_at()};
        co_return user;
    }
};

template void start_callback(const std::shared_ptr<sign_in_impl>&, std::string, std::string, slack::diagnostics*,
                             asio::any_completion_handler<sign_in_signature>);

}  // namespace detail

sign_in::sign_in(web::client& client, store::installation_store& store, const state_signer& signer,
                 sign_in_options options)
    : impl_(std::make_shared<detail::sign_in_impl>(client, store, signer, std::move(options)))
{
}
sign_in::sign_in(sign_in&&) noexcept = default;
sign_in& sign_in::operator=(sign_in&&) noexcept = default;
sign_in::~sign_in() = default;

install_start sign_in::begin(std::string_view team) const
{
    const detail::new_attempt attempt = impl_->attempt();
    const sign_in_options& o = impl_->options;
    return {openid_authorize_url({.client_id = o.client_id,
                                  .scope = o.scope,
                                  .nonce = attempt.issued.nonce,
                                  .redirect_uri = o.redirect_uri,
                                  .state = attempt.issued.state,
                                  .team = team,
                                  .code_challenge = attempt.pkce.challenge},
                                 o.authorize_base),
            attempt.issued.set_cookie};
}

}  // namespace slack::install
