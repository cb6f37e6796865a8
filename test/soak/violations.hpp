// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Every broken promise the soak finds: counted, the first few kept in words.
#include <cstddef>
#include <string>
#include <vector>

namespace soak {

class violations {
public:
    void add(std::string what)
    {
        if (kept_.size() < kept_limit)
            kept_.push_back(std::move(what));
        ++count_;
    }
    std::size_t count() const noexcept { return count_; }
    const std::vector<std::string>& first() const noexcept { return kept_; }

private:
    static constexpr std::size_t kept_limit = 30;  // enough to see a pattern, not a flood
    std::vector<std::string> kept_;
    std::size_t count_ = 0;
};

}  // namespace soak
