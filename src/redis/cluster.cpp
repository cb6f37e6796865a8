// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "redis/cluster.hpp"

#include <boost/crc.hpp>

#include <charconv>

namespace slack::redis {
namespace {

// Reads the whole of `text` as a number, or fails.
template <class Number>
bool read_number(std::string_view text, Number& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::uint16_t slot_of(std::string_view key)
{
    std::string_view hashed = key;
    if (const auto open = key.find('{'); open != std::string_view::npos) {
        const auto close = key.find('}', open + 1);
        if (close != std::string_view::npos && close > open + 1)
            hashed = key.substr(open + 1, close - open - 1);
    }
    boost::crc_optimal<16, 0x1021, 0, 0, false, false> crc;  // CRC16/XMODEM, as Redis's
    crc.process_bytes(hashed.data(), hashed.size());
    return static_cast<std::uint16_t>(crc.checksum() % slot_count);
}

std::optional<redirection> redirection_of(const reply& r)
{
    if (!r.is_error())
        return std::nullopt;
    // "MOVED 3999 127.0.0.1:6381" or "ASK 3999 127.0.0.1:6381" (the host may hold ':', as IPv6).
    const std::string_view text = r.text;
    redirection to;
    std::string_view rest;
    if (text.starts_with("MOVED "))
        rest = text.substr(6);
    else if (text.starts_with("ASK "))
        rest = text.substr(4), to.ask = true;
    else
        return std::nullopt;
    const auto space = rest.find(' ');
    const auto colon = rest.rfind(':');
    if (space == std::string_view::npos || colon == std::string_view::npos || colon < space)
        return std::nullopt;
    if (!read_number(rest.substr(0, space), to.slot) || to.slot >= slot_count ||
        !read_number(rest.substr(colon + 1), to.port) || to.port == 0)
        return std::nullopt;
    to.host = rest.substr(space + 1, colon - space - 1);
    return to;
}

cluster::cluster(boost::asio::any_io_executor executor, server_address seed, connection_options options)
    : executor_(std::move(executor)), seed_(std::move(seed)), options_(options)
{
    nodes_.push_back(std::make_shared<connection>(executor_, seed_, options_));
    addresses_.emplace_back(seed_.host, seed_.port);
}

std::shared_ptr<connection> cluster::for_key(std::string_view key)
{
    if (!routed_.load(std::memory_order_acquire))
        return nodes_.front();
    const auto slot = slot_of(key);
    const std::lock_guard lock(mutex_);
    return nodes_[owner_[slot]];
}

std::shared_ptr<connection> cluster::follow(const redirection& to)
{
    const std::string& host = to.host.empty() ? seed_.host : to.host;
    const std::lock_guard lock(mutex_);
    const auto index = node_index(host, to.port);
    if (index == nodes_.size())
        return nullptr;
    if (!to.ask) {
        owner_[to.slot] = static_cast<std::uint16_t>(index);
        routed_.store(true, std::memory_order_release);
    }
    return nodes_[index];
}

std::size_t cluster::node_index(const std::string& host, std::uint16_t port)
{
    for (std::size_t i = 0; i < addresses_.size(); ++i)
        if (addresses_[i].first == host && addresses_[i].second == port)
            return i;
    if (nodes_.size() >= max_nodes)
        return nodes_.size();
    // A node of the same cluster: the seed's user, password, database and options.
    server_address where = seed_;
    where.host = host;
    where.port = port;
    nodes_.push_back(std::make_shared<connection>(executor_, std::move(where), options_));
    addresses_.emplace_back(host, port);
    return nodes_.size() - 1;
}

void cluster::forget(std::string_view key)
{
    if (!routed_.load(std::memory_order_acquire))
        return;
    const auto slot = slot_of(key);
    const std::lock_guard lock(mutex_);
    owner_[slot] = 0;
}

void cluster::close()
{
    // Closed outside the lock: a closed request's handler may ask for a node again.
    std::vector<std::shared_ptr<connection>> nodes;
    {
        const std::lock_guard lock(mutex_);
        nodes = nodes_;
    }
    for (const auto& node : nodes)
        node->close();
}

}  // namespace slack::redis
