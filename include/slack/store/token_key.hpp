// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// The key a store seals tokens with at rest (AES-256-GCM). The caller supplies it, from a secret
/// manager or the environment; every process sharing a database must use the same key.
#include <boost/system/result.hpp>

#include <array>
#include <string>
#include <string_view>

namespace slack::store {

/// A 32-byte key that seals the tokens of the SQL stores (AES-256-GCM). Copyable; wiped when destroyed.
class token_key {
public:
    /// 32 bytes as standard base64 (44 characters), e.g. from `openssl rand -base64 32`.
    /// Error: store_errc::invalid_key when it does not decode to exactly 32 bytes.
    static boost::system::result<token_key> from_base64(std::string_view text);

    token_key(const token_key&) = default;             ///< Copies the key.
    token_key& operator=(const token_key&) = default;  ///< Copies the key (the old one is overwritten).
    ~token_key();                                      ///< Wipes the key.

    /// 16 hex digits naming the key (an HMAC of a constant under it: nothing of the key can be
    /// learnt from it). Every sealed value starts with the id of the key that sealed it, so that
    /// a store with several keys (rotation, docs/security.md) knows which one opens it.
    std::string id() const;

    /// The raw key, for the store's sealing code.
    const std::array<unsigned char, 32>& bytes() const noexcept { return bytes_; }

private:
    token_key() = default;
    std::array<unsigned char, 32> bytes_{};
};

}  // namespace slack::store
