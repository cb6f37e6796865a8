// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Installations and their tokens: access tokens (rotating ones expire, at most two active per
// installation and kind), refresh tokens (usable for a grace period after their first use) and
// legacy tokens (exchanged once). Remembered within max_token_bytes, the oldest forgotten first.
#include "mock/bounded_map.hpp"
#include "mock/reply.hpp"

#include <slack/mock/server.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace slack::mock::detail {

/// One app installed by one user on the mock's team. Shared by its tokens; lives as long as one does.
struct installation {
    std::string user_id;  ///< who installed it (the user token's user)
    std::string team_id;  ///< the workspace; empty: server_options::team_id
    std::string bot_user_id;
    std::string bot_id;
    std::deque<std::string> active[2];  ///< rotating access tokens per token_kind, oldest first
    bool uninstalled = false;           ///< apps.uninstall: every token of it is revoked
    bool public_client = false;         ///< made through PKCE: its refresh tokens need no client secret
};

/// Where a token came from: OpenID tokens are refreshed by openid.connect.token only, and only
/// they are good for openid.connect.userInfo.
enum class token_origin { install, openid };

struct token_record {
    bool is_refresh = false;
    token_kind kind = token_kind::bot;
    token_origin origin = token_origin::install;
    bool rotating = true;
    std::string scope{};
    std::shared_ptr<installation> owner{};
    clock::time_point expires = clock::time_point::max();  ///< access tokens that rotate
    bool revoked = false;
    bool exchanged = false;                         ///< a legacy token given to oauth.v2.exchange
    std::optional<clock::time_point> first_used{};  ///< refresh tokens
};

enum class token_status { active, unknown, expired, revoked };

class token_store {
public:
    explicit token_store(const server_options& options) : options_(options), tokens_(options.max_token_bytes) {}

    std::shared_ptr<installation> install();
    /// A new access token for `owner` (and a refresh token when `rotating`). A third active
    /// rotating access token of the same installation and kind revokes the oldest.
    minted_tokens mint(const std::shared_ptr<installation>& owner, token_kind kind, bool rotating,
                       std::string_view scope, token_origin origin = token_origin::install);

    /// nullptr if never minted or forgotten. The pointer is valid until the next mint().
    token_record* find(std::string_view token);
    /// What a bearer check answers for `token` (a refresh token is no bearer: unknown).
    token_status status(std::string_view token);
    bool active(std::string_view token) const;

    /// server::reset: forgets every token (they then answer invalid_auth). New installations keep
    /// being numbered on, so no new token repeats a forgotten one.
    void clear() { tokens_.clear(); }
    std::size_t size() const noexcept { return tokens_.size(); }
    std::size_t bytes() const noexcept { return tokens_.bytes(); }

private:
    std::string new_token(std::string_view prefix);
    token_status status_of(const token_record* record) const;

    const server_options& options_;
    bounded_map<token_record> tokens_;
    unsigned long installations_ = 0;
};

}  // namespace slack::mock::detail
