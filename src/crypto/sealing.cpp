// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include "crypto/sealing.hpp"

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"

#include <slack/store/store_errc.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
#include <optional>
#include <stdexcept>

namespace slack::crypto {
namespace {

constexpr std::string_view v1_prefix = "sealed:v1:";
constexpr std::string_view v2_prefix = "sealed:v2:";
constexpr std::size_t key_id_size = 16;  // hex digits
constexpr std::size_t nonce_size = 12;
constexpr std::size_t tag_size = 16;

using cipher_context = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

cipher_context make_context()
{
    cipher_context context(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    if (!context)
        throw std::bad_alloc();
    return context;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }
unsigned char* bytes_of(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// The base64 box of a sealed value: after its prefix and, in v2, its key id.
std::string_view box_of(std::string_view sealed) noexcept
{
    switch (format_of(sealed)) {
    case sealed_format::v1: return sealed.substr(v1_prefix.size());
    case sealed_format::v2:
        if (key_id_of(sealed).empty())  // no well-formed id: nothing after it either
            return {};
        return sealed.substr(v2_prefix.size() + key_id_size + 1);
    case sealed_format::clear: break;
    }
    return {};
}

}  // namespace

sealed_format format_of(std::string_view stored) noexcept
{
    if (stored.starts_with(v1_prefix))
        return sealed_format::v1;
    // A v2 value with a malformed key id reads as sealed (and then fails to open), never as clear.
    if (stored.starts_with(v2_prefix))
        return sealed_format::v2;
    return sealed_format::clear;
}

std::string_view key_id_of(std::string_view stored) noexcept
{
    if (format_of(stored) != sealed_format::v2 || stored.size() <= v2_prefix.size() + key_id_size ||
        stored[v2_prefix.size() + key_id_size] != ':')
        return {};
    return stored.substr(v2_prefix.size(), key_id_size);
}

std::string seal(const store::token_key& key, std::string_view plaintext, std::string_view associated)
{
    const std::string nonce = random_bytes(nonce_size);
    std::string box(nonce_size + plaintext.size() + tag_size, '\0');
    box.replace(0, nonce_size, nonce);
    auto context = make_context();
    int size = 0;
    if (EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), bytes_of(nonce)) != 1 ||
        EVP_EncryptUpdate(context.get(), nullptr, &size, bytes_of(associated), static_cast<int>(associated.size())) !=
            1 ||
        EVP_EncryptUpdate(context.get(), bytes_of(box) + nonce_size, &size, bytes_of(plaintext),
                          static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), bytes_of(box) + nonce_size + size, &size) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, tag_size,
                            bytes_of(box) + nonce_size + plaintext.size()) != 1)
        throw std::runtime_error("OpenSSL's AES-256-GCM failed");
    return std::string(v2_prefix) + key.id() + ":" + base64(box);
}

boost::system::result<std::string> open(const store::token_key& key, std::string_view sealed,
                                        std::string_view associated)
{
    const boost::system::error_code failed = store_errc::decryption_failed;
    const std::string_view text = box_of(sealed);
    if (text.empty())
        return failed;
    std::optional<std::string> box = from_base64(text);
    if (!box || box->size() < nonce_size + tag_size)
        return failed;
    const std::size_t text_size = box->size() - nonce_size - tag_size;
    std::string plaintext(text_size, '\0');
    auto context = make_context();
    int size = 0;
    const bool opened =
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), bytes_of(*box)) == 1 &&
        EVP_DecryptUpdate(context.get(), nullptr, &size, bytes_of(associated), static_cast<int>(associated.size())) ==
            1 &&
        EVP_DecryptUpdate(context.get(), bytes_of(plaintext), &size, bytes_of(*box) + nonce_size,
                          static_cast<int>(text_size)) == 1 &&
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, tag_size, bytes_of(*box) + nonce_size + text_size) ==
            1 &&
        EVP_DecryptFinal_ex(context.get(), bytes_of(plaintext) + size, &size) == 1;
    if (!opened) {
        OPENSSL_cleanse(plaintext.data(), plaintext.size());
        return failed;
    }
    return plaintext;
}

}  // namespace slack::crypto

namespace slack::store {

boost::system::result<token_key> token_key::from_base64(std::string_view text)
{
    std::optional<std::string> raw = crypto::from_base64(text);
    if (!raw || raw->size() != 32) {
        if (raw)
            OPENSSL_cleanse(raw->data(), raw->size());
        return boost::system::error_code(store_errc::invalid_key);
    }
    token_key key;
    std::copy(raw->begin(), raw->end(), key.bytes_.begin());
    OPENSSL_cleanse(raw->data(), raw->size());
    return key;
}

std::string token_key::id() const
{
    // An HMAC of a constant under the key: it names the key and tells nothing of it.
    const std::string_view raw(reinterpret_cast<const char*>(bytes_.data()), bytes_.size());
    return crypto::hex(crypto::hmac_sha256(raw, "slack-asio token key id")).substr(0, crypto::key_id_size);
}

token_key::~token_key() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

}  // namespace slack::store
