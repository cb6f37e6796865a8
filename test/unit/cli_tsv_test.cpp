// The CLI's tab-separated fields: a stored value cannot add a column or a line.
#include "cli/tsv.hpp"

#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_SUITE(cli_tsv_tests)

BOOST_AUTO_TEST_CASE(values_cannot_break_a_line_into_columns)
{
    using slack::cli::tsv_field;
    BOOST_TEST(tsv_field("") == "-");
    BOOST_TEST(tsv_field("Mock Team") == "Mock Team");
    BOOST_TEST(tsv_field("a\tb") == "a\\tb");
    BOOST_TEST(tsv_field("line\nforged\trow") == "line\\nforged\\trow");
    BOOST_TEST(tsv_field("cr\r") == "cr\\r");
    BOOST_TEST(tsv_field("back\\slash") == "back\\\\slash");
    BOOST_TEST(tsv_field("-") == "-");  // as stored; only an empty value stands for none
}

BOOST_AUTO_TEST_SUITE_END()
