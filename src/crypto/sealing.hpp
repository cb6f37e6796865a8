// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
// Tokens sealed at rest: AES-256-GCM with a random 96-bit nonce, bound to where the value is
// stored (the caller's associated data names the row, column and revision, so a sealed value
// moved to another row, or back to an older revision, does not open). Text forms:
//   "sealed:v2:" + key id + ":" + base64(nonce || ciphertext || tag)   written now
//   "sealed:v1:" + base64(nonce || ciphertext || tag)                  written before key ids; read
// The key id (store::token_key::id) says which of a store's keys opens the value.
#include <slack/store/token_key.hpp>

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace slack::crypto {

enum class sealed_format {
    clear,  ///< Not sealed.
    v1,     ///< No key id: any of the store's keys may have sealed it.
    v2,     ///< Names its key.
};

sealed_format format_of(std::string_view stored) noexcept;

/// Whether `stored` is sealed, in either format.
inline bool is_sealed(std::string_view stored) noexcept { return format_of(stored) != sealed_format::clear; }

/// The key id a v2 value names ("" for any other value).
std::string_view key_id_of(std::string_view stored) noexcept;

/// Seals in the v2 form, under `key`, naming key.id().
std::string seal(const store::token_key& key, std::string_view plaintext, std::string_view associated);

/// Opens a v1 or v2 value. Error: store_errc::decryption_failed (wrong key, tampered, moved to
/// another place, or not sealed).
boost::system::result<std::string> open(const store::token_key& key, std::string_view sealed,
                                        std::string_view associated);

}  // namespace slack::crypto
