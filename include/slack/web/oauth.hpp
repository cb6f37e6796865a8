#pragma once
// slack::web::oauth: Slack's OAuth methods on a client.
//   auto r = co_await oauth.access({.client_id = id, .client_secret = s, .code = c});
#include <slack/diagnostics.hpp>
#include <slack/error.hpp>
#include <slack/web/access_params.hpp>
#include <slack/web/access_response.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/result.hpp>

#include <memory>
#include <utility>

namespace slack::web {

using access_signature = void(boost::system::result<access_response>);
using access_handler = boost::asio::any_completion_handler<access_signature>;

namespace detail {
// Compiled in src/web/oauth.cpp. `diag` may be null.
void start_access(std::shared_ptr<client_impl> client, access_params params, slack::diagnostics* diag,
                  access_handler handler);

struct initiate_access {
    std::shared_ptr<client_impl> client;
    template <class Handler>
    void operator()(Handler&& handler, access_params params, slack::diagnostics* diag) const
    {
        start_access(client, std::move(params), diag, access_handler(std::forward<Handler>(handler)));
    }
};
}  // namespace detail

class oauth {
public:
    explicit oauth(client& c) noexcept : client_(&c) {}

    /// oauth.access: exchanges a single-use verifier code for an access token.
    /// Completes with the response, or an error: slack::api_errc (Slack's error string),
    /// slack::client_errc, or an Asio/Beast/SSL error. Never throws for API or transport errors.
    /// `diag` must stay alive until completion. Supports terminal cancellation at every step.
    template <boost::asio::completion_token_for<access_signature> CompletionToken = default_token>
    auto access(access_params params, slack::diagnostics& diag, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, access_signature>(
            detail::initiate_access{client_->impl()}, token, std::move(params), &diag);
    }

    template <boost::asio::completion_token_for<access_signature> CompletionToken = default_token>
    auto access(access_params params, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, access_signature>(
            detail::initiate_access{client_->impl()}, token, std::move(params), nullptr);
    }

private:
    client* client_;
};

}  // namespace slack::web
