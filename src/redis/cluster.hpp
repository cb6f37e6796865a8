// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Redis Cluster's routing: which node holds a key's hash slot. The seed (the URL's node) is
// asked first; a `MOVED slot host:port` reply names the slot's node, whose connection is then
// opened once, with the seed's credentials, database and options, and kept. `ASK` (a slot in
// migration) names a node for one request only: the caller sends ASKING there, and nothing is
// remembered.
#include "redis/connection.hpp"
#include "redis/reply.hpp"
#include "redis/url.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slack::redis {

inline constexpr unsigned slot_count = 16384;

// Redis Cluster's hash slot of `key`: CRC16 (XMODEM) of its hash tag's content (the text between
// the first '{' and the next '}', when not empty), else of the whole key, mod 16384.
std::uint16_t slot_of(std::string_view key);

// A MOVED or ASK error reply, read.
struct redirection {
    bool ask = false;  // ASK: this request only; MOVED: the slot's node from now on
    std::uint16_t slot = 0;
    std::string host;  // empty when the server does not know how it is reached: the seed's host
    std::uint16_t port = 0;
};

// The redirection `r` says, if it is one (an error reply "MOVED ..." or "ASK ...").
std::optional<redirection> redirection_of(const reply& r);

class cluster {
public:
    // Starts connecting to the seed at once; other nodes only when a redirection names them.
    cluster(boost::asio::any_io_executor executor, server_address seed, connection_options options = {});
    cluster(const cluster&) = delete;
    cluster& operator=(const cluster&) = delete;

    // The connection to the node that holds `key`'s slot, as far as this process has learnt.
    std::shared_ptr<connection> for_key(std::string_view key);

    // The connection to the node `to` names (opened on first use), and, for MOVED, remember it
    // as the slot's node. Null when that would be more than max_nodes: a server naming ever new
    // nodes must not make this process open connections without bound.
    std::shared_ptr<connection> follow(const redirection& to);

    // The node `key`'s slot was routed to did not answer: ask the seed again, whose MOVED names
    // the slot's node after a failover or a move.
    void forget(std::string_view key);

    static constexpr std::size_t max_nodes = 128;

    // Closes every connection: their pending requests complete with errc::closed.
    void close();

private:
    std::size_t node_index(const std::string& host, std::uint16_t port);  // under mutex_

    boost::asio::any_io_executor executor_;
    server_address seed_;
    connection_options options_;
    std::atomic<bool> routed_{false};  // false: every slot is the seed's (no lock on that path)
    std::mutex mutex_;
    std::vector<std::shared_ptr<connection>> nodes_;  // [0]: the seed
    std::vector<std::pair<std::string, std::uint16_t>> addresses_;
    std::array<std::uint16_t, slot_count> owner_{};  // slot -> index in nodes_
};

}  // namespace slack::redis
