// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The state one client shares between its calls: options, endpoint, pool, rate-limit gates
// and the retry budget. Everything here is touched only on `executor` (a strand when thread_safe).
#include "crypto/fingerprint.hpp"
#include "crypto/hmac.hpp"
#include "web/connection_pool.hpp"
#include "web/rate_gate.hpp"
#include "web/transport.hpp"

#include <slack/web/client.hpp>
#include <slack/web/tls.hpp>

#include <map>
#include <memory>
#include <random>
#include <string>

namespace slack::web::detail {

struct api_request;

class client_impl : public std::enable_shared_from_this<client_impl> {
public:
    client_impl(boost::asio::any_io_executor executor, std::shared_ptr<boost::asio::ssl::context> tls,
                client_options options);
    ~client_impl();  ///< Wipes the cached credentials.
    client_impl(const client_impl&) = delete;
    client_impl& operator=(const client_impl&) = delete;

    executor_type executor;
    client_options options;
    boost::system::error_code options_error;  ///< Why the options cannot be used (api_url, proxy, max_connections).
    const char* options_problem = nullptr;    ///< What is wrong with them, for diagnostics::client_message.
    api_endpoint endpoint;
    connection_pool pool;

    /// The gate of `method` for `subject` (see rate_subject()), made on first use. A call holds
    /// its gate until it ends; open gates no call holds are dropped as new ones come, so memory
    /// stays bounded by the calls in flight and the windows still closed.
    std::shared_ptr<rate_gate> gate_for(std::string_view method, std::string_view subject);
    std::size_t gate_count() const noexcept { return rate_gates_.size(); }
    /// Whose limit a request counts against: its rate key, else a fingerprint of its bearer token
    /// (never the token), else its client id. Slack limits per app, per workspace, per method.
    std::string rate_subject(const api_request& request) const;
    /// Whose pace a limiter counts a request without a rate key against: a digest of its bearer
    /// token the same in every replica (so a shared limiter shares it; the token never leaves this
    /// process), else its client id.
    std::string limiter_subject(const api_request& request) const;
    double retry_tokens;  ///< Client-wide retry budget.

    double random();  ///< Uniform in [0, 1).

    /// The Basic Authorization header for these credentials, computed once while they stay the
    /// same and shared by the calls that use it (wiped when the last one lets go).
    std::shared_ptr<const std::string> basic_authorization(std::string_view client_id, std::string_view client_secret);
    /// The same for a bearer token.
    std::shared_ptr<const std::string> bearer_authorization(std::string_view token);

private:
    void wipe_credentials();

    std::map<std::string, std::shared_ptr<rate_gate>, std::less<>> rate_gates_;  // by method, '\n', subject
    std::size_t prune_at_;  // prune the gates when there are this many
    // Under a random key of this client's: token fingerprints mean nothing elsewhere. Mutable:
    // rate_subject() signs with it, on the client's executor only.
    mutable crypto::fingerprint fingerprint_;
    // HMAC-SHA256 under a fixed, public label: a one-way digest every replica computes alike
    // (set up once: ~6,200 instructions a token). Mutable for the same reason.
    mutable crypto::hmac_sha256_signer shared_digest_{std::string("slack-asio:rate-key:token")};

    std::minstd_rand generator_;
    std::string authorization_id_, authorization_secret_;  // what authorization_header_ was made of
    std::shared_ptr<const std::string> authorization_header_;
    std::string bearer_token_;  // what bearer_header_ was made of
    std::shared_ptr<const std::string> bearer_header_;
};

}  // namespace slack::web::detail
