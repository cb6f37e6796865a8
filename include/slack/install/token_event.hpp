// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// What a token provider tells token_provider_options::on_event about a grant's rotation.
/// Contains no secret: no token, no refresh token.
#include <slack/store/installation.hpp>

#include <boost/system/error_code.hpp>

#include <string_view>

namespace slack::install {

/// One event of a grant's rotation. Its views and the event itself are valid only during the hook
/// call: a hook that keeps anything copies it first.
struct token_event {
    /// What happened.
    enum class kind {
        refreshed,            ///< Slack issued a new pair and it was written to the store.
        refresh_answer_lost,  ///< A refresh's answer was lost: the same refresh token is sent once more, now.
        write_failed,         ///< A new pair could not be written (`error`): it is kept and the write retried.
        written_late,         ///< A pair kept after write_failed is now written.
        pair_superseded,      ///< A kept pair was not written: the store holds a newer one, or the grant is gone.
        marked_for_reinstall,  ///< The refresh token is lost for good (`error` says why): the grant is marked in the store.
        reinstall_required,  ///< A token was asked for a grant marked for reinstall: nothing was sent.
    };
    kind what{};                                       ///< What happened.
    std::string_view enterprise_id{};                  ///< The grant's row: the enterprise of an org-wide install...
    std::string_view team_id{};                        ///< ...or its workspace.
    std::string_view user_id{};                        ///< For a user grant.
    store::grant_kind grant = store::grant_kind::bot;  ///< Which grant of the row.
    boost::system::error_code error{};  ///< Why, for refresh_answer_lost, write_failed and marked_for_reinstall.
    unsigned attempt = 0;               ///< written_late: how many writes it took.
};

/// The enumerator's name, e.g. "refreshed".
std::string_view to_string(token_event::kind k) noexcept;

}  // namespace slack::install
