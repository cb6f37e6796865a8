// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A replica's load: coroutines that each, until stopped, ask the token provider for the token of
// a random installation (an org-wide one by one of its workspaces, a bot sometimes with a user
// id), check it at once with auth.test, and pause a little. Counts go to a replica_summary.
#include "rotation/installations.hpp"
#include "rotation/replica_summary.hpp"

#include <slack/install/token_provider.hpp>
#include <slack/web/client.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace soak::rotation {

struct asker_options {
    std::size_t askers = 8;
    std::chrono::milliseconds max_pause{100};  ///< between two asks, uniform in [0, max_pause]
    std::uint64_t seed = 1;
};

class askers {
public:
    askers(slack::web::client& client, slack::install::token_provider& tokens,
           const std::vector<soak_installation>& installations, asker_options options, replica_summary& tally);

    void start(const boost::asio::any_io_executor& executor);
    /// No new asks; each asker ends after the one it is in.
    void stop() noexcept { stopping_ = true; }
    bool done() const noexcept { return finished_ == options_.askers; }

private:
    boost::asio::awaitable<void> ask_loop(std::size_t number);
    boost::asio::awaitable<void> ask_once(std::size_t installation, const slack::store::installation_key& key);

    slack::web::client& client_;
    slack::install::token_provider& tokens_;
    const std::vector<soak_installation>& installations_;
    asker_options options_;
    replica_summary& tally_;
    bool stopping_ = false;
    std::size_t finished_ = 0;
};

}  // namespace soak::rotation
