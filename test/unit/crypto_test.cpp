// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// The OpenSSL helpers under src/crypto: base64 codecs, HMAC, sealing at rest.
#include "crypto/base64.hpp"
#include "crypto/fingerprint.hpp"
#include "crypto/hmac.hpp"
#include "crypto/random.hpp"
#include "crypto/sealing.hpp"

#include <slack/store/store_errc.hpp>

#include "printing.hpp"

#include <boost/test/unit_test.hpp>

using namespace slack;

BOOST_AUTO_TEST_SUITE(crypto_helpers)

BOOST_AUTO_TEST_CASE(base64_round_trips_every_length)
{
    std::string bytes;
    for (int n = 0; n < 40; ++n) {
        BOOST_TEST(crypto::from_base64(crypto::base64(bytes)).value() == bytes);
        BOOST_TEST(crypto::from_base64url(crypto::base64url(bytes)).value() == bytes);
        bytes += static_cast<char>(n * 37 + 250);
    }
    BOOST_TEST(crypto::base64url("\xfb\xff") == "-_8");
    BOOST_TEST(!crypto::from_base64("abc").has_value());
    BOOST_TEST(!crypto::from_base64("ab!=").has_value());
    BOOST_TEST(!crypto::from_base64url("ab+c").has_value());
    BOOST_TEST(!crypto::from_base64url("abcde").has_value());
}

BOOST_AUTO_TEST_CASE(hmac_matches_rfc_4231_case_2)
{
    BOOST_TEST(crypto::hex(crypto::hmac_sha256("Jefe", "what do ya want for nothing?")) ==
               "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    BOOST_TEST(crypto::constant_time_equal("abc", "abc"));
    BOOST_TEST(!crypto::constant_time_equal("abc", "abd"));
    BOOST_TEST(!crypto::constant_time_equal("abc", "abcd"));
}

// Set up once, signing message after message: each as the one-shot HMAC.
BOOST_AUTO_TEST_CASE(hmac_signer_matches_the_one_shot_hmac_every_time)
{
    crypto::hmac_sha256_signer signer("Jefe");
    for (std::string_view message :
         {"what do ya want for nothing?", "", "xoxb-1-2-abc", "what do ya want for nothing?"}) {
        const auto mac = signer.sign(message);
        BOOST_TEST(std::string(mac.begin(), mac.end()) == crypto::hmac_sha256("Jefe", message), message);
    }
}

// SipHash-2-4 with a 128-bit output: the reference vector for the empty message under key
// 00 01 .. 0f, then what the client relies on (same input, same fingerprint; keys apart).
BOOST_AUTO_TEST_CASE(fingerprints_are_siphash_128_under_their_own_key)
{
    std::string key;
    for (char byte = 0; byte < 16; ++byte)
        key += byte;
    crypto::fingerprint known(key);
    const crypto::fingerprint::value empty = known.of("");
    BOOST_TEST(crypto::hex(std::string(empty.begin(), empty.end())) == "a3817f04ba25a8e66df67214c7550293");
    BOOST_TEST((known.of("") == empty));  // restarted, not continued

    crypto::fingerprint a, b;
    BOOST_TEST((a.of("xoxb-1-2-abc") == a.of("xoxb-1-2-abc")));
    BOOST_TEST((a.of("xoxb-1-2-abc") != a.of("xoxb-1-2-abd")));
    BOOST_TEST((a.of("xoxb-1-2-abc") != b.of("xoxb-1-2-abc")));  // random keys
    BOOST_CHECK_THROW(crypto::fingerprint(std::string(32, 'k')), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(random_tokens_differ)
{
    BOOST_TEST(crypto::random_token(16).size() == 22u);
    BOOST_TEST(crypto::random_token(16) != crypto::random_token(16));
}

BOOST_AUTO_TEST_CASE(sealed_tokens_open_only_with_their_key_and_place)
{
    auto key = store::token_key::from_base64(crypto::base64(std::string(32, 'k'))).value();
    auto other = store::token_key::from_base64(crypto::base64(std::string(32, 'o'))).value();
    const std::string sealed = crypto::seal(key, "xoxb-secret", "T1/bot_token");
    BOOST_TEST(crypto::is_sealed(sealed));
    BOOST_TEST(sealed.find("xoxb") == std::string::npos);
    BOOST_TEST(crypto::open(key, sealed, "T1/bot_token").value() == "xoxb-secret");
    BOOST_TEST(crypto::seal(key, "xoxb-secret", "T1/bot_token") != sealed);  // a fresh nonce each time
    BOOST_TEST(crypto::open(other, sealed, "T1/bot_token").error() == store_errc::decryption_failed);
    BOOST_TEST(crypto::open(key, sealed, "T2/bot_token").error() == store_errc::decryption_failed);
    std::string tampered = sealed;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
    BOOST_TEST(crypto::open(key, tampered, "T1/bot_token").error() == store_errc::decryption_failed);
    BOOST_TEST(crypto::open(key, "sealed:v1:!!", "T1/bot_token").error() == store_errc::decryption_failed);
    BOOST_TEST(crypto::open(key, crypto::seal(key, "", "x"), "x").value().empty());
}

BOOST_AUTO_TEST_CASE(sealed_values_name_their_key)
{
    auto key = store::token_key::from_base64(crypto::base64(std::string(32, 'k'))).value();
    auto other = store::token_key::from_base64(crypto::base64(std::string(32, 'o'))).value();
    BOOST_TEST(key.id().size() == 16u);
    BOOST_TEST(key.id().find_first_not_of("0123456789abcdef") == std::string::npos);
    BOOST_TEST(key.id() != other.id());
    BOOST_TEST(key.id() == store::token_key(key).id());  // of the key, not of the object
    const std::string sealed = crypto::seal(key, "xoxb-secret", "T1/bot_token");
    BOOST_TEST(sealed.starts_with("sealed:v2:" + key.id() + ":"));
    BOOST_TEST(crypto::key_id_of(sealed) == key.id());
    BOOST_TEST((crypto::format_of(sealed) == crypto::sealed_format::v2));
    BOOST_TEST((crypto::format_of("sealed:v1:AAAA") == crypto::sealed_format::v1));
    BOOST_TEST((crypto::format_of("xoxb-1") == crypto::sealed_format::clear));
    BOOST_TEST(crypto::key_id_of("sealed:v1:AAAA").empty());
    // Cut short or without its separator: sealed, no key id, and it does not open.
    for (const std::string& broken :
         {std::string("sealed:v2:"), "sealed:v2:" + key.id(), "sealed:v2:" + key.id() + "x" + sealed.substr(27)}) {
        BOOST_TEST(crypto::is_sealed(broken));
        BOOST_TEST(crypto::key_id_of(broken).empty());
        BOOST_TEST(crypto::open(key, broken, "T1/bot_token").error() == store_errc::decryption_failed);
    }
}

BOOST_AUTO_TEST_CASE(token_keys_are_32_bytes)
{
    BOOST_TEST(store::token_key::from_base64(crypto::base64(std::string(31, 'k'))).error() == store_errc::invalid_key);
    BOOST_TEST(store::token_key::from_base64("not base64").error() == store_errc::invalid_key);
}

BOOST_AUTO_TEST_SUITE_END()
