// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// Signed OAuth states: the round trip, each refusal in the order verify() checks them, the
// cookie (which nothing in the URL can rebuild), the replay key and the PKCE pair and nonce
// derived from the cookie.
#include <slack/install/state.hpp>

#include "crypto/base64.hpp"
#include "crypto/hmac.hpp"
#include "printing.hpp"

#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

using namespace slack;
using namespace std::chrono_literals;
namespace install = slack::install;

namespace {

const std::string test_secret = "state-secret-for-tests-0123456789abcdef";  // 39 bytes
const install::time_point start = install::time_point(std::chrono::seconds(1'800'000'000));

install::state_signer signer() { return install::state_signer(test_secret); }

const std::string cookie_name = "__Host-slack_oauth_state";

// The cookie's value, as Set-Cookie gave it, and the Cookie header the browser sends back.
std::string cookie_value(const install::issued_state& issued)
{
    const std::size_t equals = issued.set_cookie.find('=');
    return issued.set_cookie.substr(equals + 1, issued.set_cookie.find(';') - equals - 1);
}
std::string cookie_for(const install::issued_state& issued) { return cookie_name + "=" + cookie_value(issued); }

// The state's two parts, decoded.
struct state_parts {
    std::string payload, mac;
};

state_parts split(const std::string& state)
{
    const std::size_t dot = state.find('.');
    return {crypto::from_base64url(state.substr(0, dot)).value(),
            crypto::from_base64url(state.substr(dot + 1)).value()};
}

std::string join(const state_parts& parts)
{
    return crypto::base64url(parts.payload) + '.' + crypto::base64url(parts.mac);
}

install_errc refusal(const boost::system::result<install::verified_state>& r)
{
    BOOST_REQUIRE(r.has_error());
    BOOST_REQUIRE(r.error().category() == install_category());
    return static_cast<install_errc>(r.error().value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(oauth_state)

BOOST_AUTO_TEST_CASE(an_issued_state_verifies_with_its_cookie)
{
    const auto s = signer();
    const install::issued_state issued = s.issue(start);
    BOOST_TEST(issued.state.size() == 78u);  // 34 + '.' + 43
    BOOST_TEST(issued.state.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.") ==
               std::string::npos);
    BOOST_TEST(cookie_value(issued).size() == 43u);  // 32 random bytes
    BOOST_TEST(issued.nonce.size() == 43u);
    const auto verified = s.verify(issued.state, cookie_for(issued), start + 5min);
    BOOST_REQUIRE(verified.has_value());
    BOOST_TEST(verified->nonce == issued.nonce);
    BOOST_TEST(verified->pkce.verifier == issued.pkce.verifier);
    BOOST_TEST((verified->expires_at == start + 10min + 61s));  // replay_record_outlives_the_last_accepted_instant
}

BOOST_AUTO_TEST_CASE(any_replica_with_the_same_secret_verifies_it)
{
    const install::issued_state issued = signer().issue(start);
    const install::state_signer other_replica(test_secret);
    BOOST_TEST(other_replica.verify(issued.state, cookie_for(issued), start).has_value());
}

BOOST_AUTO_TEST_CASE(the_cookie_is_found_among_others_and_quoted)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    BOOST_TEST(s.verify(issued.state, "a=b; " + cookie_for(issued) + "; c=d", start).has_value());
    BOOST_TEST(s.verify(issued.state, "a=b;" + cookie_name + "=\"" + cookie_value(issued) + "\"", start).has_value());
    // Two cookies of the name (set for two paths): either may be this attempt's.
    BOOST_TEST(s.verify(issued.state, cookie_name + "=old; " + cookie_for(issued), start).has_value());
    BOOST_TEST(s.verify(issued.state, cookie_for(s.issue(start)) + "; " + cookie_for(issued), start).has_value());
}

BOOST_AUTO_TEST_CASE(set_cookie_and_clearing_cookie_attributes)
{
    const auto issued = signer().issue(start);
    // __Host-: browsers keep it only when Secure, for Path=/ and without Domain, as here.
    BOOST_TEST(signer().cookie_name() == cookie_name);
    BOOST_TEST(issued.set_cookie == cookie_for(issued) + "; Path=/; Max-Age=600; Secure; HttpOnly; SameSite=Lax");
    BOOST_TEST(signer().clearing_cookie() == cookie_name + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
    BOOST_TEST(issued.set_cookie.find("Domain") == std::string::npos);
    const install::state_signer custom(test_secret, 5min, "install_nonce");
    BOOST_TEST(custom.issue(start).set_cookie.starts_with("install_nonce="));
    BOOST_TEST(custom.issue(start).set_cookie.find("; Max-Age=300;") != std::string::npos);
    BOOST_TEST(custom.cookie_name() == "install_nonce");
    BOOST_TEST((custom.lifetime() == 5min));
}

BOOST_AUTO_TEST_CASE(empty_is_missing_and_wrong_shapes_are_malformed)
{
    const auto s = signer();
    BOOST_TEST(refusal(s.verify("", "", start)) == install_errc::state_missing);
    const std::string good = s.issue(start).state;
    for (const std::string& bad : {std::string("abc"), good.substr(0, 34), good + ".x", good.substr(1), "." + good,
                                   good + "A", std::string(200, 'A') + "." + good.substr(35), std::string("a+b.c/d")})
        BOOST_TEST(refusal(s.verify(bad, "", start)) == install_errc::state_malformed, bad);
    // Another version byte, even correctly signed, is not a format this build reads: version 1's
    // states (whose cookie was in the URL) are refused.
    state_parts parts = split(good);
    parts.payload[0] = 1;
    parts.mac = crypto::hmac_sha256(test_secret, parts.payload);
    BOOST_TEST(refusal(s.verify(join(parts), "", start)) == install_errc::state_malformed);
}

BOOST_AUTO_TEST_CASE(a_non_canonical_spelling_is_malformed)
{
    // The last character of each part carries bits no byte uses (4 of the payload's, 2 of the
    // MAC's): flipping the lowest gives another text for the same bytes, which is refused.
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    auto flip_unused_bit = [&](char c) { return alphabet[alphabet.find(c) ^ 1]; };
    const auto s = signer();
    const auto issued = s.issue(start);
    std::string payload_spelling = issued.state, mac_spelling = issued.state;
    payload_spelling[33] = flip_unused_bit(payload_spelling[33]);
    mac_spelling.back() = flip_unused_bit(mac_spelling.back());
    BOOST_TEST(refusal(s.verify(payload_spelling, cookie_for(issued), start)) == install_errc::state_malformed);
    BOOST_TEST(refusal(s.verify(mac_spelling, cookie_for(issued), start)) == install_errc::state_malformed);
}

BOOST_AUTO_TEST_CASE(tampering_or_another_secret_is_forged)
{
    const auto s = signer();
    const auto issued = s.issue(start);

    state_parts payload_changed = split(issued.state);
    payload_changed.payload[1 + 8] ^= 1;  // the cookie binding's first byte
    BOOST_TEST(refusal(s.verify(join(payload_changed), cookie_for(issued), start)) == install_errc::state_forged);

    state_parts older = split(issued.state);
    older.payload[8] ^= 4;  // the creation time
    BOOST_TEST(refusal(s.verify(join(older), cookie_for(issued), start)) == install_errc::state_forged);

    state_parts mac_changed = split(issued.state);
    mac_changed.mac[31] ^= 0x80;
    BOOST_TEST(refusal(s.verify(join(mac_changed), cookie_for(issued), start)) == install_errc::state_forged);

    const install::state_signer attacker("another-secret-of-32-bytes-or-more!!");
    const auto foreign = attacker.issue(start);
    BOOST_TEST(refusal(s.verify(foreign.state, cookie_for(foreign), start)) == install_errc::state_forged);
}

BOOST_AUTO_TEST_CASE(past_its_lifetime_or_from_the_future_is_expired)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    BOOST_TEST(s.verify(issued.state, cookie_for(issued), start + 600s).has_value());
    BOOST_TEST(refusal(s.verify(issued.state, cookie_for(issued), start + 601s)) == install_errc::state_expired);
    const auto ahead = s.issue(start + 60s);
    BOOST_TEST(s.verify(ahead.state, cookie_for(ahead), start).has_value());  // a minute of clock skew
    const auto too_far = s.issue(start + 61s);
    BOOST_TEST(refusal(s.verify(too_far.state, cookie_for(too_far), start)) == install_errc::state_expired);
}

// verify() counts whole seconds: a state is accepted until a second after creation + lifetime,
// and its spent record (gone, for every store, once expires_at <= now) must last past that.
BOOST_AUTO_TEST_CASE(replay_record_outlives_the_last_accepted_instant)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    const install::time_point last_accepted = start + 600s + 999ms;
    const auto verified = s.verify(issued.state, cookie_for(issued), last_accepted);
    BOOST_REQUIRE(verified.has_value());
    BOOST_TEST((verified->expires_at > last_accepted));
    BOOST_TEST((verified->expires_at >= start + 600s + 1s + 60s));  // and a minute of clock skew
    BOOST_TEST(refusal(s.verify(issued.state, cookie_for(issued), start + 601s)) == install_errc::state_expired);
}

BOOST_AUTO_TEST_CASE(a_missing_or_foreign_cookie_is_a_browser_mismatch)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    const auto another = s.issue(start);
    const auto mismatch = install_errc::state_browser_mismatch;
    BOOST_TEST(refusal(s.verify(issued.state, "", start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, "a=b", start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, cookie_for(another), start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, "other_cookie=" + cookie_value(issued), start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, cookie_for(issued) + "x", start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, cookie_for(issued).substr(0, cookie_for(issued).size() - 1), start)) ==
               mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, cookie_name + "=", start)) == mismatch);
    // The name without its prefix is another cookie (one a subdomain could have set).
    BOOST_TEST(refusal(s.verify(issued.state, "slack_oauth_state=" + cookie_value(issued), start)) == mismatch);
    // Forgery is found before the cookie is looked at.
    BOOST_TEST(refusal(s.verify(another.state.substr(0, 35) + issued.state.substr(35), cookie_for(another), start)) ==
               install_errc::state_forged);
}

BOOST_AUTO_TEST_CASE(replay_key_is_stable_per_state_and_hides_the_nonce)
{
    const auto s = signer();
    const auto first = s.issue(start);
    const auto second = s.issue(start);
    const std::string key = s.verify(first.state, cookie_for(first), start).value().replay_key;
    BOOST_TEST(key.size() == 64u);
    BOOST_TEST(key.find_first_not_of("0123456789abcdef") == std::string::npos);
    BOOST_TEST(key == s.verify(first.state, cookie_for(first), start + 1min).value().replay_key);
    BOOST_TEST(key != s.verify(second.state, cookie_for(second), start).value().replay_key);
    BOOST_TEST(key.find(crypto::hex(crypto::from_base64url(cookie_value(first)).value())) == std::string::npos);
    BOOST_TEST(first.nonce != second.nonce);
}

// Whoever sees the authorize URL (an access log, a browser's history) learns the state, the
// challenge and the OpenID nonce; none of them, nor any part of the state, is the cookie.
BOOST_AUTO_TEST_CASE(a_cookie_rebuilt_from_the_url_is_refused)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    const state_parts parts = split(issued.state);
    const std::string dot = issued.state.substr(0, issued.state.find('.'));
    for (const std::string& guess :
         {crypto::base64url(parts.payload.substr(1 + 8)), crypto::base64url(parts.payload.substr(1)), dot,
          crypto::base64url(parts.payload), crypto::base64url(parts.mac), issued.state, issued.nonce,
          issued.pkce.challenge, crypto::base64url(crypto::hmac_sha256(test_secret, parts.payload.substr(1 + 8)))})
        BOOST_TEST(
            refusal(s.verify(issued.state, cookie_name + "=" + guess, start)) == install_errc::state_browser_mismatch,
            guess);
    BOOST_TEST(s.verify(issued.state, cookie_for(issued), start).has_value());
}

BOOST_AUTO_TEST_CASE(a_cookie_of_another_attempt_is_refused_even_with_the_same_secret)
{
    const auto s = signer();
    const auto mine = s.issue(start);
    const auto theirs = s.issue(start);
    BOOST_TEST(cookie_value(mine) != cookie_value(theirs));
    BOOST_TEST(refusal(s.verify(mine.state, cookie_for(theirs), start)) == install_errc::state_browser_mismatch);
    BOOST_TEST(refusal(s.verify(theirs.state, cookie_for(mine), start)) == install_errc::state_browser_mismatch);
    // Another signer's cookie (another app, another secret) does not fit either.
    const install::state_signer other("another-secret-of-32-bytes-or-more!!");
    const auto foreign = other.issue(start);
    BOOST_TEST(refusal(s.verify(mine.state, cookie_for(foreign), start)) == install_errc::state_browser_mismatch);
}

BOOST_AUTO_TEST_CASE(pkce_pair_and_nonce_are_derived_from_the_cookie)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    const web::pkce_pair at_redirect = issued.pkce;
    const auto verified = install::state_signer(test_secret).verify(issued.state, cookie_for(issued), start).value();
    BOOST_TEST((at_redirect.verifier == verified.pkce.verifier));
    BOOST_TEST(at_redirect.challenge == verified.pkce.challenge);
    BOOST_TEST(issued.nonce == verified.nonce);
    BOOST_TEST(at_redirect.verifier.size() == 43u);  // RFC 7636: 43 to 128 characters
    BOOST_TEST(at_redirect.challenge == web::pkce_challenge(at_redirect.verifier));
    BOOST_TEST((at_redirect.verifier != s.issue(start).pkce.verifier));
    // Keyed by the state secret: the cookie alone does not give them.
    const std::string cookie_secret = crypto::from_base64url(cookie_value(issued)).value();
    BOOST_TEST(at_redirect.verifier !=
               crypto::base64url(crypto::hmac_sha256("another-secret-of-32-bytes-or-more!!", "pkce:" + cookie_secret)));
    BOOST_TEST(at_redirect.verifier == crypto::base64url(crypto::hmac_sha256(test_secret, "pkce:" + cookie_secret)));
    BOOST_TEST(issued.nonce == crypto::base64url(crypto::hmac_sha256(test_secret, "nonce:" + cookie_secret)));
    BOOST_TEST(issued.state.find(at_redirect.verifier) == std::string::npos);
    BOOST_TEST(at_redirect.verifier != issued.nonce);
}

BOOST_AUTO_TEST_CASE(bad_configuration_throws_without_quoting_the_secret)
{
    const std::string short_secret = "only-31-bytes-of-secret-0123456";
    BOOST_REQUIRE(short_secret.size() == 31u);
    try {
        install::state_signer s(short_secret);
        BOOST_FAIL("a 31-byte secret was accepted");
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("32 bytes") != std::string::npos);
        BOOST_TEST(what.find(short_secret) == std::string::npos);
    }
    BOOST_CHECK_NO_THROW(install::state_signer(std::string(32, 'k')));
    BOOST_CHECK_THROW(install::state_signer(test_secret, 0s), std::invalid_argument);
    BOOST_CHECK_THROW(install::state_signer(test_secret, 10min, "bad name"), std::invalid_argument);
    BOOST_CHECK_THROW(install::state_signer(test_secret, 10min, ""), std::invalid_argument);
    BOOST_CHECK_THROW(install::state_signer(test_secret, 10min, "a;b"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
