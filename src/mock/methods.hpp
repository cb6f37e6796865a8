// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// One handler per Slack method the mock serves (files by family: oauth_access.cpp,
// oauth_v2.cpp, openid.cpp, auth.cpp, api_test.cpp). Each runs after the common checks
// (POST, content type, the method's rate-limit window); a form body is already parsed.
#include "mock/method_context.hpp"

namespace slack::mock::detail {

outgoing_reply oauth_access(mock_state& state, method_call& call);
outgoing_reply oauth_v2_access(mock_state& state, method_call& call);
outgoing_reply oauth_v2_user_access(mock_state& state, method_call& call);
outgoing_reply oauth_v2_exchange(mock_state& state, method_call& call);
outgoing_reply openid_connect_token(mock_state& state, method_call& call);
outgoing_reply openid_connect_user_info(mock_state& state, method_call& call);
outgoing_reply auth_test(mock_state& state, method_call& call);
outgoing_reply auth_revoke(mock_state& state, method_call& call);
outgoing_reply apps_uninstall(mock_state& state, method_call& call);
outgoing_reply api_test(mock_state& state, method_call& call);

}  // namespace slack::mock::detail
