// Signed OAuth states: the round trip, each refusal in the order verify() checks them, the
// cookie, the replay key and the PKCE pair derived from a state.
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

std::string cookie_for(const install::issued_state& issued) { return "slack_oauth_state=" + issued.nonce; }

// The state's two parts, decoded.
struct state_parts {
    std::string payload, mac;
};

state_parts split(const std::string& state)
{
    const std::size_t dot = state.find('.');
    return {crypto::from_base64url(state.substr(0, dot)).value(), crypto::from_base64url(state.substr(dot + 1)).value()};
}

std::string join(const state_parts& parts) { return crypto::base64url(parts.payload) + '.' + crypto::base64url(parts.mac); }

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
    BOOST_TEST(issued.nonce.size() == 22u);
    const auto verified = s.verify(issued.state, cookie_for(issued), start + 5min);
    BOOST_REQUIRE(verified.has_value());
    BOOST_TEST(verified->nonce == issued.nonce);
    BOOST_TEST((verified->expires_at == start + 10min));
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
    BOOST_TEST(s.verify(issued.state, "a=b;slack_oauth_state=\"" + issued.nonce + "\"", start).has_value());
    // Two cookies of the name (set for two paths): either may be this attempt's.
    BOOST_TEST(s.verify(issued.state, "slack_oauth_state=old; " + cookie_for(issued), start).has_value());
}

BOOST_AUTO_TEST_CASE(set_cookie_and_clearing_cookie_attributes)
{
    const auto issued = signer().issue(start);
    BOOST_TEST(issued.set_cookie ==
               "slack_oauth_state=" + issued.nonce + "; Path=/; Max-Age=600; Secure; HttpOnly; SameSite=Lax");
    BOOST_TEST(signer().clearing_cookie() == "slack_oauth_state=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax");
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
    // Another version byte, even correctly signed, is not a format this build reads.
    state_parts parts = split(good);
    parts.payload[0] = 2;
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
    payload_changed.payload[1 + 8] ^= 1;  // the nonce's first byte
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

BOOST_AUTO_TEST_CASE(a_missing_or_foreign_cookie_is_a_browser_mismatch)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    const auto another = s.issue(start);
    const auto mismatch = install_errc::state_browser_mismatch;
    BOOST_TEST(refusal(s.verify(issued.state, "", start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, "a=b", start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, cookie_for(another), start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, "other_cookie=" + issued.nonce, start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, "slack_oauth_state=" + issued.nonce + "x", start)) == mismatch);
    BOOST_TEST(refusal(s.verify(issued.state, "slack_oauth_state=", start)) == mismatch);
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
    BOOST_TEST(key.find(first.nonce) == std::string::npos);
    BOOST_TEST(first.nonce != second.nonce);
}

BOOST_AUTO_TEST_CASE(pkce_pair_is_derived_from_the_state)
{
    const auto s = signer();
    const auto issued = s.issue(start);
    const web::pkce_pair at_redirect = s.pkce_for(issued);
    const web::pkce_pair at_callback = install::state_signer(test_secret).pkce_for(
        s.verify(issued.state, cookie_for(issued), start).value());
    BOOST_TEST((at_redirect.verifier == at_callback.verifier));
    BOOST_TEST(at_redirect.challenge == at_callback.challenge);
    BOOST_TEST(at_redirect.verifier.size() == 43u);  // RFC 7636: 43 to 128 characters
    BOOST_TEST(at_redirect.challenge == web::pkce_challenge(at_redirect.verifier));
    BOOST_TEST((at_redirect.verifier != s.pkce_for(s.issue(start)).verifier));
    const install::state_signer other("another-secret-of-32-bytes-or-more!!");
    BOOST_TEST((other.pkce_for(issued).verifier != at_redirect.verifier));
    BOOST_TEST(issued.state.find(at_redirect.verifier) == std::string::npos);
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
