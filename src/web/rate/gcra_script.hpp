// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// GCRA on Redis: the Lua script that decides one request for one key (or records a 429's
// block) in one round trip, on Redis's clock (TIME), so that replicas whose clocks disagree
// still agree. The rule is gcra.hpp's, in microseconds; the key is a hash {tat, blocked}.
// A request may carry an expiry on Redis's clock: run later (it was written before a stall and
// its caller gave up), it changes nothing.
#include "redis/cluster.hpp"
#include "redis/connection.hpp"

#include <boost/asio/any_completion_handler.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace slack::web::detail {

/// The script's answer to one request (or {0, false} to a block).
struct script_answer {
    std::chrono::microseconds wait{0};  ///< From Redis's now to the request's send time.
    bool reserved = false;
    bool expired = false;                    ///< Run after its expiry: nothing was changed.
    std::chrono::microseconds redis_now{0};  ///< Redis's clock (TIME) when it ran.
};

/// No expiry: the request counts whenever it runs.
inline constexpr std::chrono::microseconds no_expiry{0};

using script_signature = void(boost::system::error_code, script_answer);

/// The script's text and its SHA-1 in hex (what EVALSHA names it by).
std::string_view gcra_script_text() noexcept;
const std::string& gcra_script_sha();

/// Asks for one request at `interval` with `burst`, reserved only if it may go within `max_wait`
/// and Redis runs it by `expiry` (on Redis's clock; no_expiry: whenever).
void gcra_acquire(const std::shared_ptr<redis::connection>& connection, std::string key,
                  std::chrono::microseconds interval, unsigned burst, std::chrono::microseconds max_wait,
                  std::chrono::microseconds expiry, redis::clock::time_point deadline,
                  boost::asio::any_completion_handler<script_signature> handler);

/// The same on a Redis Cluster: sent to the node of `key`'s slot, following MOVED and ASK (at
/// most 3 times, then redis_errc::too_many_redirections), all by `deadline`.
void gcra_acquire(const std::shared_ptr<redis::cluster>& nodes, std::string key, std::chrono::microseconds interval,
                  unsigned burst, std::chrono::microseconds max_wait, std::chrono::microseconds expiry,
                  redis::clock::time_point deadline, boost::asio::any_completion_handler<script_signature> handler);

/// Holds `key` back for `retry_after` from Redis's now (a longer block already there holds),
/// if Redis runs it by `expiry`.
void gcra_block(const std::shared_ptr<redis::connection>& connection, std::string key,
                std::chrono::microseconds retry_after, std::chrono::microseconds expiry,
                redis::clock::time_point deadline, boost::asio::any_completion_handler<script_signature> handler);

/// The same on a Redis Cluster, as gcra_acquire's.
void gcra_block(const std::shared_ptr<redis::cluster>& nodes, std::string key, std::chrono::microseconds retry_after,
                std::chrono::microseconds expiry, redis::clock::time_point deadline,
                boost::asio::any_completion_handler<script_signature> handler);

}  // namespace slack::web::detail
