// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Single-use codes: minted ones (what Slack hands to the redirect URI, for one method) and the
// state of magic credentials (docs/mock-server.md), all forgotten after code_lifetime and
// within max_code_bytes.
#include "mock/bounded_map.hpp"
#include "mock/reply.hpp"

#include <slack/mock/server.hpp>

#include <string>
#include <string_view>

namespace slack::mock::detail {

struct code_state {
    std::string method{};  ///< what it was minted for (a magic entry: the method it was seen by)
    std::string redirect_uri{};
    std::string code_challenge{};  ///< PKCE S256, empty: none
    std::string scope{};
    std::string user_scope{};
    std::string nonce{};  ///< openid.connect.token: the id_token's `nonce` claim, empty: none
    clock::time_point expires{};
    bool used = false;
    unsigned attempts = 0;
};

class code_store {
public:
    explicit code_store(const server_options& options)
        : lifetime_(options.code_lifetime), codes_(options.max_code_bytes)
    {
    }

    /// Throws std::invalid_argument when `options.method` takes no code.
    std::string mint(const code_options& options);
    /// A live minted code, nullptr if never issued, expired or forgotten.
    code_state* find(std::string_view code);
    /// The state of magic credential `credential` as `method` sees it, remembered from its first attempt.
    code_state& magic(std::string_view method, std::string_view credential);

    /// server::reset: forgets every minted code and every magic word's attempts.
    void clear() { codes_.clear(); }
    std::size_t size() const noexcept { return codes_.size(); }
    std::size_t bytes() const noexcept { return codes_.bytes(); }

private:
    void forget_expired();

    std::chrono::seconds lifetime_;
    // Insertion order is expiry order (one lifetime for all), so expired codes are the oldest.
    bounded_map<code_state> codes_;
};

}  // namespace slack::mock::detail
