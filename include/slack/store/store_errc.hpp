// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#pragma once
/// @file
/// Errors of installation stores and of the token provider. Database errors are mapped to these;
/// the database's own message is not carried (it may quote a parameter, and parameters are tokens).
#include <boost/system/error_code.hpp>
#include <type_traits>

namespace slack {

/// Errors of the installation stores. A database's own message is never passed on.
enum class store_errc {
    /// The database cannot be reached or opened (connect failed, file not writable...).
    unavailable = 1,
    /// The database refused a statement (constraint, disk full, serialization...).
    query_failed,
    /// The database's schema was made by a newer version of this library.
    schema_too_new,
    /// A stored row cannot be read back (bad column, bad time).
    corrupt_row,
    /// A sealed token does not open with the configured key (wrong key, or tampered).
    decryption_failed,
    /// A token is stored in the clear but a key is configured, or sealed but no key is.
    encryption_required,
    /// The installation key or the installation is malformed (no team and no enterprise...).
    invalid_key,
    /// No installation (or no such grant) under this key.
    not_found,
    /// The grant has no refresh token, so it cannot be refreshed.
    not_rotating,
    /// Another process held the refresh lease past the provider's wait.
    refresh_busy,
    /// The store was shut down.
    closed,
    /// list() was asked for no installations, or for more than max_page_size.
    invalid_page_size,
    /// The grant's refresh token was lost (token_grant::reinstall_reason): the workspace must install again.
    reinstall_required,
};

/// The category of store_errc: its message() names the problem, never a secret.
const boost::system::error_category& store_category() noexcept;

/// Makes `e` an error code, so that `ec == slack::store_errc::unavailable` compiles.
inline boost::system::error_code make_error_code(store_errc e) noexcept
{
    return {static_cast<int>(e), store_category()};
}

/// The enumerator's name, e.g. "schema_too_new".
const char* to_string(store_errc e) noexcept;

}  // namespace slack

template <>
struct boost::system::is_error_code_enum<slack::store_errc> : std::true_type {};
