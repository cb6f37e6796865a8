#include "cli/tsv.hpp"

namespace slack::cli {

std::string tsv_field(std::string_view value)
{
    if (value.empty())
        return "-";
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
        }
    }
    return out;
}

}  // namespace slack::cli
