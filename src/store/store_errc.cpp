// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
#include <slack/store/store_errc.hpp>

namespace slack {
namespace {

struct store_category_impl final : boost::system::error_category {
    // A fixed id: categories compare equal across shared libraries.
    constexpr store_category_impl() noexcept : error_category(0x3e5b0c7a1d52f4a9ULL) {}
    const char* name() const noexcept override { return "slack.store"; }
    std::string message(int ev) const override
    {
        switch (static_cast<store_errc>(ev)) {
        case store_errc::unavailable: return "the installation store's database cannot be reached or opened";
        case store_errc::query_failed: return "the installation store's database refused a statement";
        case store_errc::schema_too_new: return "the database schema was written by a newer version of slack-asio";
        case store_errc::corrupt_row: return "a stored installation cannot be read back";
        case store_errc::decryption_failed: return "a stored token does not decrypt with the configured key";
        case store_errc::encryption_required:
            return "a stored token's encryption does not match the store's configuration";
        case store_errc::invalid_key: return "the installation key is malformed (no team and no enterprise)";
        case store_errc::not_found: return "no installation under this key";
        case store_errc::not_rotating: return "the token has no refresh token, so it cannot be refreshed";
        case store_errc::refresh_busy: return "another process held the refresh lease for too long";
        case store_errc::closed: return "the installation store was shut down";
        case store_errc::invalid_page_size: return "a page of installations must hold 1 to max_page_size of them";
        case store_errc::reinstall_required:
            return "the grant can no longer be refreshed: the workspace must install the app again";
        }
        return "unknown store error";
    }
};

}  // namespace

const boost::system::error_category& store_category() noexcept
{
    static constexpr store_category_impl category;
    return category;
}

const char* to_string(store_errc e) noexcept
{
    switch (e) {
    case store_errc::unavailable: return "unavailable";
    case store_errc::query_failed: return "query_failed";
    case store_errc::schema_too_new: return "schema_too_new";
    case store_errc::corrupt_row: return "corrupt_row";
    case store_errc::decryption_failed: return "decryption_failed";
    case store_errc::encryption_required: return "encryption_required";
    case store_errc::invalid_key: return "invalid_key";
    case store_errc::not_found: return "not_found";
    case store_errc::not_rotating: return "not_rotating";
    case store_errc::refresh_busy: return "refresh_busy";
    case store_errc::closed: return "closed";
    case store_errc::invalid_page_size: return "invalid_page_size";
    case store_errc::reinstall_required: return "reinstall_required";
    }
    return "unknown";
}

}  // namespace slack
