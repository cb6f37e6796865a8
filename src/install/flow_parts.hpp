// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What installer and sign_in share around their own steps: the parts they hold (client, store,
// signer, options whose client secret is wiped when they go), a new attempt's state and PKCE
// pair, the code grant's parameters, and how their callback coroutine runs and completes.
#include "detail/start_operation.hpp"
#include "install/redirect_checks.hpp"

#include <slack/diagnostics.hpp>
#include <slack/install/callback.hpp>
#include <slack/install/state.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/web/client.hpp>
#include <slack/web/methods/oauth_v2_access.hpp>

#include <openssl/crypto.h>

#include <memory>
#include <string>
#include <utility>

namespace slack::install::detail {

/// A new attempt: the state and its cookie, and the PKCE pair derived from the cookie (empty without PKCE).
struct new_attempt {
    issued_state issued;
    web::pkce_pair pkce;
};

template <class Options>
class flow_parts {
public:
    flow_parts(web::client& c, store::installation_store& s, const state_signer& signer, Options o)
        : client(c), store(s), signer(signer), options(std::move(o))
    {
    }
    flow_parts(const flow_parts&) = delete;
    flow_parts& operator=(const flow_parts&) = delete;
    ~flow_parts() { OPENSSL_cleanse(options.client_secret.data(), options.client_secret.size()); }

    new_attempt attempt() const
    {
        issued_state issued = signer.issue();
        web::pkce_pair pkce = options.pkce ? issued.pkce : web::pkce_pair{};
        return {std::move(issued), std::move(pkce)};
    }

    /// The verifier to send with the code of a verified state (empty without PKCE).
    web::pkce_pair pkce_for(const verified_state& state) const { return options.pkce ? state.pkce : web::pkce_pair{}; }

    /// The code grant for a checked redirect, oauth.v2.access's and openid.connect.token's alike.
    /// Views of the options, `checked` and `pkce`.
    web::v2_access_params code_grant(const checked_redirect& checked, const web::pkce_pair& pkce) const
    {
        return {.client_id = options.client_id,
                .client_secret = options.client_secret,
                .code = checked.code,
                .code_verifier = pkce.verifier,
                .redirect_uri = options.redirect_uri};
    }

    web::client& client;
    store::installation_store& store;
    const state_signer& signer;
    Options options;
};

/// The diagnostics a callback fills: the caller's, or one of its own when it passed none.
/// Cleared as the callback starts, so that a refusal before the exchange leaves nothing stale.
class callback_diagnostics {
public:
    explicit callback_diagnostics(slack::diagnostics* given) : target_(given ? given : &own_) { target_->clear(); }
    callback_diagnostics(const callback_diagnostics&) = delete;
    callback_diagnostics& operator=(const callback_diagnostics&) = delete;
    slack::diagnostics& get() noexcept { return *target_; }

private:
    slack::diagnostics own_;
    slack::diagnostics* target_;
};

/// Runs `impl->complete(query, cookies, diag)` on the client's executor and completes `handler`
/// with its result, keeping `impl` alive until then (slack::detail::start_operation says how).
template <class Impl, class Signature>
void start_callback(const std::shared_ptr<Impl>& impl, std::string query, std::string cookies, slack::diagnostics* diag,
                    boost::asio::any_completion_handler<Signature> handler)
{
    auto work = impl->complete(std::move(query), std::move(cookies), diag);
    const boost::asio::any_io_executor executor = impl->client.get_executor();
    auto finish = [impl](auto&& handler, auto result) { std::move(handler)(std::move(result)); };
    slack::detail::start_operation(executor, std::move(work), std::move(handler), std::move(finish));
}

}  // namespace slack::install::detail
