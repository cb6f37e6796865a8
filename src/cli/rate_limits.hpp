// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// --rate-limits: the limiter a command's client paces its calls with (docs/rate-limits.md).
#include "cli/inputs.hpp"

#include <slack/web/rate_limiter.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <memory>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace slack::cli {

/// The limiter `in.rate_limits` names: "local" (this process alone), or redis://... (shared by
/// every process of the app, the local limiter answering when Redis cannot; rediss:// trusts
/// what `tls` trusts, the client's context). Throws usage_error naming the option and the
/// problem, never the URL (it may hold a password).
std::shared_ptr<web::rate_limiter> open_cli_limiter(boost::asio::any_io_executor executor, const call_inputs& in,
                                                    std::shared_ptr<boost::asio::ssl::context> tls);

}  // namespace slack::cli
