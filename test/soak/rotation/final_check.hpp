// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// How every installation ends, seen by a token provider of the driver's own once the replicas
// have stopped: usable (token() by each of its keys yields a token auth.test accepts, all of one
// installation), or marked for reinstall (token() says reinstall_required and the row says why),
// or neither.
#include "rotation/installations.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/store/installation_store.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <string>
#include <vector>

namespace soak::rotation {

struct installation_outcome {
    bool usable = false;
    bool marked = false;
    std::string reason;              ///< the row's reinstall_reason, when marked
    std::string problem;             ///< neither usable nor marked: what went wrong (names, never a token)
    std::string user_id;             ///< auth.test's, when usable
    std::string lost_refresh_token;  ///< when marked: the refresh token the row still holds (kept in memory only)
};

boost::asio::awaitable<std::vector<installation_outcome>> check_installations(
    slack::web::client& client, slack::store::installation_store& store, slack::install::token_provider& tokens,
    const std::vector<soak_installation>& installations);

}  // namespace soak::rotation
