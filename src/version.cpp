#include <slack/version.hpp>

namespace slack {

std::string_view version() noexcept
{
    return SLACK_VERSION_STRING;
}

}  // namespace slack
