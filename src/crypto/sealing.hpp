#pragma once
// Tokens sealed at rest: AES-256-GCM with a random 96-bit nonce, bound to where the value is
// stored (the associated data names the row and column, so a sealed value moved to another row
// does not open). Text form: "sealed:v1:" + base64(nonce || ciphertext || tag).
#include <slack/store/token_key.hpp>

#include <boost/system/result.hpp>

#include <string>
#include <string_view>

namespace slack::crypto {

bool is_sealed(std::string_view stored) noexcept;

std::string seal(const store::token_key& key, std::string_view plaintext, std::string_view associated);

/// Error: store_errc::decryption_failed (wrong key, tampered, or moved to another row).
boost::system::result<std::string> open(const store::token_key& key, std::string_view sealed,
                                        std::string_view associated);

}  // namespace slack::crypto
