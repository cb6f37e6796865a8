// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// What the OAuth v2 family shares: the oauth.v2.access answer's fields (oauth.v2.user.access and
// oauth.v2.exchange answer the same), and the two grants' parameters (openid.connect.token too).
#include "web/response_table.hpp"

#include <slack/web/methods/oauth_v2_access.hpp>

namespace slack::web::detail {

/// For `method`'s messages; `unusable` says what a usable answer must hold.
response_table<v2_access_response> v2_access_table(std::string_view method,
                                                   const char* (*unusable)(const v2_access_response&));

/// An answer without an access token, at the top or for the user.
const char* without_any_token(const v2_access_response& r);
/// An answer without a top-level access token.
const char* without_access_token(const v2_access_response& r);

/// The grant authorization_code: code, code_verifier and redirect_uri (when given).
const char* check_code_grant(const v2_access_params& p);
void encode_code_grant(const v2_access_params& p, std::string& body);
/// The grant refresh_token.
const char* check_refresh_grant(const v2_refresh_params& p);
void encode_refresh_grant(const v2_refresh_params& p, std::string& body);

}  // namespace slack::web::detail
