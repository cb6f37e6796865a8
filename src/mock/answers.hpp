// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The JSON shapes of successful answers, built from the mock's installations and tokens: the
// fields methods.json documents for each method, with the mock's team and app.
#include "mock/method_context.hpp"

#include <boost/json/object.hpp>

namespace slack::mock::detail {

/// An installation's tokens as an answer needs them: which kind, the minted pair, its scope.
struct granted {
    token_kind kind;
    minted_tokens tokens;
    std::string scope;
    bool rotating;
};

/// oauth.v2.access (code grant and bot refresh): the bot token at the top level (if any),
/// the user's under authed_user (if any).
boost::json::object v2_access_answer(const mock_state& state, const installation& owner, const granted* bot,
                                     const granted* user);
/// A user token at the top level (oauth.v2.user.access, a user refresh, oauth.v2.exchange of a
/// user token); `refreshed`: the answer to a refresh, whose team has its id only.
boost::json::object flat_user_answer(const mock_state& state, const installation& owner, const granted& user,
                                     bool refreshed);
/// oauth.v2.exchange of a bot token.
boost::json::object exchange_answer(const mock_state& state, const installation& owner, const granted& bot);
/// openid.connect.token: the user token as a Bearer token, and an id_token (with a `nonce`
/// claim when `nonce` is not empty: the code's, from the authorize page).
boost::json::object openid_token_answer(const mock_state& state, const installation& owner, const granted& user,
                                        std::string_view nonce);
/// openid.connect.userInfo for the installation's user.
boost::json::object user_info_answer(const mock_state& state, const installation& owner);
/// auth.test for a token of `owner` (`expires`: clock::time_point::max() for a token that never expires).
boost::json::object auth_test_answer(const mock_state& state, const installation& owner, token_kind kind,
                                     clock::time_point expires);

}  // namespace slack::mock::detail
