// The install flow's two ends: the start (authorize URL, state, cookie, PKCE challenge) and the
// callback (state, single use, redirect error, code exchange, save).
#include <slack/install/installer.hpp>

#include <slack/install/authorize_url.hpp>
#include <slack/install/installation_from.hpp>
#include <slack/install/redirect_query.hpp>
#include <slack/web/oauth.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include <openssl/crypto.h>

// See token_provider.cpp: a false positive of g++ 12 on awaitable frames.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

namespace slack::install {
namespace asio = boost::asio;
using boost::system::error_code;
using boost::system::result;

namespace detail {

class installer_impl {
public:
    installer_impl(web::client& c, store::installation_store& s, const state_signer& signer, installer_options o)
        : client(c), store(s), signer(signer), options(std::move(o))
    {
    }
    ~installer_impl() { OPENSSL_cleanse(options.client_secret.data(), options.client_secret.size()); }

    web::client& client;
    store::installation_store& store;
    const state_signer& signer;
    installer_options options;

    asio::awaitable<result<store::installation>> complete(std::string query, std::string cookies)
    {
        auto redirect = parse_redirect_query(query);
        if (!redirect)
            co_return redirect.error();
        auto state = signer.verify(redirect->state, cookies);
        if (!state)
            co_return state.error();
        auto first_use = co_await store.consume_nonce(state->replay_key, state->expires_at);
        if (!first_use)
            co_return first_use.error();
        if (!*first_use)
            co_return error_code(install_errc::state_replayed);
        if (error_code declined = authorize_error(*redirect))
            co_return declined;
        const web::pkce_pair pkce = options.pkce ? signer.pkce_for(*state) : web::pkce_pair{};
        auto answer = co_await web::oauth(client).v2_access({.client_id = options.client_id,
                                                              .client_secret = options.client_secret,
                                                              .code = redirect->code,
                                                              .code_verifier = pkce.verifier,
                                                              .redirect_uri = options.redirect_uri});
        if (!answer)
            co_return answer.error();
        store::installation installed = installation_from(*answer);
        auto saved = co_await store.save(installed);
        if (!saved)
            co_return saved.error();
        co_return installed;
    }
};

void start_install(const std::shared_ptr<installer_impl>& impl, std::string query, std::string cookie_header,
                   install_handler handler)
{
    const auto executor = impl->client.get_executor();
    asio::co_spawn(executor, impl->complete(std::move(query), std::move(cookie_header)),
                   [impl, executor, handler = std::move(handler)](std::exception_ptr failure,
                                                                  result<store::installation> outcome) mutable {
                       if (failure)
                           std::rethrow_exception(failure);
                       asio::post(executor, asio::append(std::move(handler), std::move(outcome)));
                   });
}

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
    const issued_state issued = impl_->signer.issue();
    const web::pkce_pair pkce = impl_->options.pkce ? impl_->signer.pkce_for(issued) : web::pkce_pair{};
    const installer_options& o = impl_->options;
    return {authorize_url({.client_id = o.client_id,
                           .scope = o.scope,
                           .user_scope = o.user_scope,
                           .redirect_uri = o.redirect_uri,
                           .state = issued.state,
                           .team = team,
                           .code_challenge = pkce.challenge},
                          o.authorize_base),
            issued.set_cookie};
}

}  // namespace slack::install
