// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The token provider options of the soak's replicas (and of the driver's final check): its
// timing from settings.hpp.
#include "rotation/settings.hpp"

#include <slack/install/token_provider.hpp>

#include <string>

namespace soak::rotation {

inline slack::install::token_provider_options provider_options(std::string client_id, std::string client_secret)
{
    slack::install::token_provider_options o;
    o.client_id = std::move(client_id);
    o.client_secret = std::move(client_secret);
    o.refresh_margin = refresh_margin;
    o.lease_duration = lease_duration;
    o.lease_poll = lease_poll;
    o.wait_limit = wait_limit;
    o.timeout = token_timeout;
    return o;
}

}  // namespace soak::rotation
