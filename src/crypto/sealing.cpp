#include "crypto/sealing.hpp"

#include "crypto/base64.hpp"
#include "crypto/random.hpp"

#include <slack/store/store_errc.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>
#include <optional>
#include <stdexcept>

namespace slack::crypto {
namespace {

constexpr std::string_view prefix = "sealed:v1:";
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

}  // namespace

bool is_sealed(std::string_view stored) noexcept
{
    return stored.starts_with(prefix);
}

std::string seal(const store::token_key& key, std::string_view plaintext, std::string_view associated)
{
    const std::string nonce = random_bytes(nonce_size);
    std::string box(nonce_size + plaintext.size() + tag_size, '\0');
    box.replace(0, nonce_size, nonce);
    auto context = make_context();
    int size = 0;
    if (EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), bytes_of(nonce)) != 1
        || EVP_EncryptUpdate(context.get(), nullptr, &size, bytes_of(associated), static_cast<int>(associated.size())) != 1
        || EVP_EncryptUpdate(context.get(), bytes_of(box) + nonce_size, &size, bytes_of(plaintext),
                             static_cast<int>(plaintext.size())) != 1
        || EVP_EncryptFinal_ex(context.get(), bytes_of(box) + nonce_size + size, &size) != 1
        || EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, tag_size,
                               bytes_of(box) + nonce_size + plaintext.size()) != 1)
        throw std::runtime_error("OpenSSL's AES-256-GCM failed");
    return std::string(prefix) + base64(box);
}

boost::system::result<std::string> open(const store::token_key& key, std::string_view sealed,
                                        std::string_view associated)
{
    const boost::system::error_code failed = store_errc::decryption_failed;
    if (!is_sealed(sealed))
        return failed;
    std::optional<std::string> box = from_base64(sealed.substr(prefix.size()));
    if (!box || box->size() < nonce_size + tag_size)
        return failed;
    const std::size_t text_size = box->size() - nonce_size - tag_size;
    std::string plaintext(text_size, '\0');
    auto context = make_context();
    int size = 0;
    const bool opened =
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), bytes_of(*box)) == 1
        && EVP_DecryptUpdate(context.get(), nullptr, &size, bytes_of(associated), static_cast<int>(associated.size())) == 1
        && EVP_DecryptUpdate(context.get(), bytes_of(plaintext), &size, bytes_of(*box) + nonce_size,
                             static_cast<int>(text_size)) == 1
        && EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, tag_size, bytes_of(*box) + nonce_size + text_size) == 1
        && EVP_DecryptFinal_ex(context.get(), bytes_of(plaintext) + size, &size) == 1;
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

token_key::~token_key()
{
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

}  // namespace slack::store
