// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// The limiter of make_local_limiter: GCRA state per key in this process. Memory is bounded by the
// keys in use: a key whose state has run out (its tat and block are past) decides exactly as a new
// one would, so such keys are dropped when the map has doubled since the last pruning (as
// client_impl::gate_for does with open gates).
#include "web/rate/gcra.hpp"

#include <slack/web/rate_limiter.hpp>

#include <map>
#include <mutex>
#include <string>

namespace slack::web::detail {

class local_limiter final : public rate_limiter {
public:
    local_limiter(boost::asio::any_io_executor executor, rate_limits limits);

    boost::asio::any_io_executor get_executor() const override { return executor_; }
    void block(const rate_key& key, std::chrono::milliseconds retry_after) override;
    bool is_per_channel(std::string_view method) const override { return limits_.is_per_channel(method); }

    /// The keys whose state is kept (for the tests of the memory bound).
    std::size_t key_count();

protected:
    void do_acquire(const rate_key& key, std::chrono::steady_clock::time_point latest,
                    boost::asio::any_completion_handler<rate_signature> handler) override;

private:
    gcra_state& state_of(const rate_key& key, std::chrono::steady_clock::time_point now);

    boost::asio::any_io_executor executor_;
    const rate_limits limits_;
    std::mutex mutex_;  // a limiter may be shared by clients on several threads
    std::map<std::string, gcra_state, std::less<>> states_;
    std::string key_;  // reused by every lookup: a known key costs no allocation
    std::size_t prune_at_;
};

}  // namespace slack::web::detail
