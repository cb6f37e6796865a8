// PKCE with OpenSSL: random bytes, SHA-256, base64 turned into base64url.
#include <slack/web/pkce.hpp>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <array>
#include <stdexcept>

namespace slack::web {
namespace {

// RFC 7636 appendix A: base64url without padding.
std::string base64url(const unsigned char* data, std::size_t size)
{
    std::string out(4 * ((size + 2) / 3) + 1, '\0');  // EVP_EncodeBlock writes a NUL
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
    out.resize(static_cast<std::size_t>(written));
    while (!out.empty() && out.back() == '=')
        out.pop_back();
    for (char& c : out)
        c = c == '+' ? '-' : c == '/' ? '_' : c;
    return out;
}

}  // namespace

std::string pkce_challenge(std::string_view verifier)
{
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest.data());
    return base64url(digest.data(), digest.size());
}

pkce_pair make_pkce()
{
    std::array<unsigned char, 32> random{};
    if (RAND_bytes(random.data(), static_cast<int>(random.size())) != 1)
        throw std::runtime_error("PKCE: OpenSSL's random generator failed");
    pkce_pair pair;
    pair.verifier = base64url(random.data(), random.size());
    OPENSSL_cleanse(random.data(), random.size());
    pair.challenge = pkce_challenge(pair.verifier);
    return pair;
}

}  // namespace slack::web
