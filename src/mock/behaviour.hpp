// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the mock answers, independent of sockets: routes each request to its method's handler
// (methods.hpp) after the checks every method shares, and serves /mock/codes, /mock/tokens and
// the authorize pages (authorize.hpp).
#include "mock/method_context.hpp"
#include "mock/user_methods.hpp"

#include <slack/mock/server.hpp>

#include <string>
#include <string_view>

namespace slack::mock::detail {

struct incoming_request {
    std::string_view method;
    std::string_view target;
    std::string_view authorization;
    std::string_view content_type;
    std::string_view body;
};

class oauth_app {
public:
    explicit oauth_app(const server_options& options) : state_(options) {}

    /// Answers one request. `credential` receives the single-use credential or bearer token it carried, decoded.
    outgoing_reply handle(const incoming_request& request, std::string& credential);
    std::string mint_code(const code_options& options) { return state_.codes.mint(options); }
    minted_tokens mint_tokens(const token_options& options);
    bool token_active(std::string_view access_token) const { return state_.tokens.active(access_token); }
    void handle(std::string_view method, method_handler handler, token_check check)
    {
        user_methods_.add(method, std::move(handler), check);
    }
    /// Empty `refresh_token`: any refresh's.
    void lose_refresh_answers(std::size_t count, std::string_view refresh_token)
    {
        state_.refresh_answers_to_lose = count;
        state_.lose_answers_of = refresh_token;
    }

    void reset() { state_.reset(); }
    rate_count rate_counts(std::string_view workspace, std::string_view method) const
    {
        return state_.tiers.counts(workspace, method);
    }

    std::size_t live_codes() const noexcept { return state_.codes.size(); }
    std::size_t code_bytes() const noexcept { return state_.codes.bytes(); }
    std::size_t live_tokens() const noexcept { return state_.tokens.size(); }
    std::size_t token_bytes() const noexcept { return state_.tokens.bytes(); }

private:
    outgoing_reply mint_code_over_http(std::string_view body);
    outgoing_reply mint_tokens_over_http(std::string_view body);
    outgoing_reply faults_over_http(std::string_view body);

    mock_state state_;
    user_methods user_methods_;
};

}  // namespace slack::mock::detail
