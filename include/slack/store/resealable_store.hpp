// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Re-sealing a store's tokens under its current key, for key rotation (docs/security.md): the SQL
/// stores (sqlite_store, postgresql_store) implement it; `slack-oauth installations reseal` runs it.
#include <slack/config.hpp>
#include <slack/store/installation_store.hpp>

#include <boost/asio/async_result.hpp>

#include <cstddef>
#include <optional>

namespace slack::store {

/// What reseal() does with a token it finds in the clear in a store that has a key.
enum class clear_tokens {
    refuse,  ///< Fail with store_errc::encryption_required: reads refuse it too (it may be planted).
    seal,    ///< Seal it: for a store whose tokens were written before it was given a key.
};

/// What one reseal() call did.
struct reseal_page {
    std::size_t installations = 0;  ///< Installations visited.
    std::size_t grants = 0;         ///< Grants (bot or user) whose tokens were sealed anew.
    /// Where the next call starts (its `after`). Empty when this page was the last.
    std::optional<installation_key> next;
};

/// A store whose sealed tokens can be moved to its current key (the SQL stores).
class resealable_store {
public:
    virtual ~resealable_store() = default;

    /// Where reseal() completes when its handler has no associated executor.
    virtual boost::asio::any_io_executor get_executor() const = 0;

    /// Rewrites the sealed tokens of up to `limit` installations after `after` (in list()'s key
    /// order), and of all their users' grants, under the store's current key: a token sealed under
    /// an older key (previous_keys), or in the format from before key ids, is opened and sealed
    /// anew; one already under the current key is left as it is. Revisions are kept, so a refresh
    /// running meanwhile is not disturbed; a grant written meanwhile (then already under the
    /// current key) is skipped. Yields what it did.
    /// Errors: encryption_required (the store has no key; a token in the clear, unless `clear` is
    /// seal), decryption_failed (a token none of the store's keys opens: nothing of that page is
    /// written), invalid_page_size (limit 0 or above max_page_size), and the store's own.
    template <class CompletionToken = default_completion_token>
    auto reseal(installation_key_view after, std::size_t limit, clear_tokens clear, CompletionToken&& token = {})
    {
        return boost::asio::async_initiate<CompletionToken, store_signature<reseal_page>>(
            [this, refused = detail::page_refusal(limit)](auto handler, installation_key from, std::size_t most,
                                                          clear_tokens policy) {
                if (refused)
                    return detail::refuse<reseal_page>(get_executor(), store_handler<reseal_page>(std::move(handler)),
                                                       refused);
                do_reseal(std::move(from), most, policy, store_handler<reseal_page>(std::move(handler)));
            },
            token, to_key(after), limit, clear);
    }

private:
    // Takes the arguments checked (as installation_store's do_ functions).
    virtual void do_reseal(installation_key after, std::size_t limit, clear_tokens clear,
                           store_handler<reseal_page> handler) = 0;
};

}  // namespace slack::store
