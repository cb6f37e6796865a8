// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// A map from text keys that holds at most a budget of bytes, forgetting its oldest entries
// first: what the mock remembers about codes must not grow with what clients send it.
#include <cstddef>
#include <list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace slack::mock::detail {

template <class Value>
class bounded_map {
public:
    explicit bounded_map(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    Value* find(std::string_view key)
    {
        const auto found = index_.find(key);
        return found == index_.end() ? nullptr : &found->second->value;
    }
    const Value* find(std::string_view key) const
    {
        const auto found = index_.find(key);
        return found == index_.end() ? nullptr : &found->second->value;
    }

    /// Adds `key` (not present yet), forgetting the oldest entries until it fits. An entry
    /// larger than the whole budget is still kept, alone: the caller is answering it now.
    /// `extra_bytes`: what `value` holds beyond its own size, e.g. a string's text.
    Value& insert(std::string key, Value value, std::size_t extra_bytes = 0)
    {
        const std::size_t bytes = node_bytes + key.size() + extra_bytes;
        while (!entries_.empty() && bytes_ + bytes > max_bytes_)
            forget_oldest();
        entry& added = entries_.emplace_back(std::move(key), std::move(value), bytes);
        index_.emplace(added.key, std::prev(entries_.end()));
        bytes_ += bytes;
        return added.value;
    }

    /// Makes `key`'s entry the newest, the last to be forgotten (least-recently-used order).
    void refresh(std::string_view key)
    {
        if (const auto found = index_.find(key); found != index_.end())
            entries_.splice(entries_.end(), entries_, found->second);
    }

    /// Forgets entries from the oldest on while `stale(value)` holds.
    template <class Predicate>
    void forget_oldest_while(Predicate stale)
    {
        while (!entries_.empty() && stale(entries_.front().value))
            forget_oldest();
    }

    void clear()
    {
        index_.clear();
        entries_.clear();
        bytes_ = 0;
    }
    std::size_t size() const noexcept { return entries_.size(); }
    std::size_t bytes() const noexcept { return bytes_; }

private:
    struct entry {
        entry(std::string k, Value v, std::size_t b) : key(std::move(k)), value(std::move(v)), bytes(b) {}
        std::string key;
        Value value;
        std::size_t bytes;
    };

    // An entry's own size, its list links and its index node (a red-black node and a view), roughly.
    static constexpr std::size_t node_bytes = sizeof(entry) + 2 * sizeof(void*) + 64;

    void forget_oldest()
    {
        index_.erase(entries_.front().key);
        bytes_ -= entries_.front().bytes;
        entries_.pop_front();
    }

    std::size_t max_bytes_;
    std::size_t bytes_ = 0;
    std::list<entry> entries_;  // oldest first; list nodes never move, so the index can view their keys
    std::map<std::string_view, typename std::list<entry>::iterator, std::less<>> index_;
};

}  // namespace slack::mock::detail
