#pragma once
// Maps an oauth.access body onto access_response while it is parsed (see envelope.hpp).
#include "web/envelope.hpp"

#include <slack/diagnostics.hpp>
#include <slack/web/access_response.hpp>

#include <boost/system/result.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace slack::web::detail {

// A string written without escapes is located in the body (which the response then owns); the
// others are copied, unescaped, into the response's one text buffer. A field of the wrong type
// is left empty and remembered: fatal only for the fields that make the answer usable (the
// token, the team), since Slack has spent the code by the time it answers.
struct access_response_builder final : response_fields {
    access_response response;

    void clear(std::string_view body) override;
    void on_value(const json_value& v) override;

    /// The typed response, once the call succeeded and its values were delivered. Optional
    /// fields of the wrong type are named in diag.client_message; a missing or wrongly typed
    /// token or team fails with outcome_unknown (the code is spent, the token lost).
    boost::system::result<access_response> finish(std::string body, slack::diagnostics& diag);

private:
    void text_into(access_response::text_span& out, const json_value& v);
    void object_into(bool& present, std::initializer_list<access_response::text_span*> members, const json_value& v);
    void mismatch(const json_value& v);
    void forget_mismatch(const json_value& v);  // the field is given again: the last value counts

    std::string_view body_;           // the body being parsed: unescaped strings are located in it
    std::vector<std::string> mistyped_;  // paths of fields with an unexpected type
};

}  // namespace slack::web::detail
