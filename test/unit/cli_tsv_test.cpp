// Copyright 2026 the slack-asio authors. Distributed under the Boost Software License 1.0 (LICENSE_1_0.txt).
// What the CLI prints from a store: a stored value cannot add a column or a line, nor reach the
// terminal as a control sequence.
#include "cli/tsv.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

using slack::cli::printable;
using slack::cli::tsv_field;

BOOST_AUTO_TEST_SUITE(cli_tsv_tests)

BOOST_AUTO_TEST_CASE(values_cannot_break_a_line_into_columns)
{
    BOOST_TEST(tsv_field("") == "-");
    BOOST_TEST(tsv_field("Mock Team") == "Mock Team");
    BOOST_TEST(tsv_field("a\tb") == "a\\tb");
    BOOST_TEST(tsv_field("line\nforged\trow") == "line\\nforged\\trow");
    BOOST_TEST(tsv_field("cr\r") == "cr\\r");
    BOOST_TEST(tsv_field("back\\slash") == "back\\\\slash");
    BOOST_TEST(tsv_field("-") == "-");  // as stored; only an empty value stands for none
}

BOOST_AUTO_TEST_CASE(every_control_character_is_written_out)
{
    // ESC sequences that would clear the screen, retitle the window, or hide what follows.
    BOOST_TEST(printable("\x1b[2J\x1b]0;owned\x07") == "\\x1b[2J\\x1b]0;owned\\x07");
    BOOST_TEST(printable(std::string("nul\0end", 7)) == "nul\\x00end");
    BOOST_TEST(printable("\x08\x0b\x0c\x1f") == "\\x08\\x0b\\x0c\\x1f");
    BOOST_TEST(printable("del\x7f") == "del\\x7f");
    BOOST_TEST(tsv_field("\x1b[31mred") == "\\x1b[31mred");
    for (int c = 0; c < 0x20; ++c) {
        const std::string out = printable(std::string(1, static_cast<char>(c)));
        BOOST_TEST(out.size() >= 2u, c);
        BOOST_TEST(out.front() == '\\', c);
    }
}

BOOST_AUTO_TEST_CASE(c1_controls_and_bytes_that_are_not_utf8_are_written_out)
{
    BOOST_TEST(printable("\xc2\x9b"
                         "31m") == "\\u009b31m");  // U+009B, CSI in one character
    BOOST_TEST(printable("\xc2\x80\xc2\x9f") == "\\u0080\\u009f");
    BOOST_TEST(printable("\x9b"
                         "2J") == "\\x9b2J");                             // a lone byte: CSI to an 8-bit terminal
    BOOST_TEST(printable("\xc3") == "\\xc3");                             // a truncated sequence
    BOOST_TEST(printable("\xc0\xaf") == "\\xc0\\xaf");                    // an overlong '/'
    BOOST_TEST(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");           // a surrogate
    BOOST_TEST(printable("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
}

BOOST_AUTO_TEST_CASE(text_in_any_script_is_kept)
{
    BOOST_TEST(printable("Équipe Zürich") == "Équipe Zürich");
    BOOST_TEST(printable("\xc2\xa0nbsp") == "\xc2\xa0nbsp");  // U+00A0: past the C1 block
    BOOST_TEST(printable("東京チーム") == "東京チーム");
    BOOST_TEST(printable("\xf0\x9f\x9a\x80 launch") == "\xf0\x9f\x9a\x80 launch");
    BOOST_TEST(printable("xoxb-1234-5678-abcdEFGH") == "xoxb-1234-5678-abcdEFGH");
}

BOOST_AUTO_TEST_SUITE_END()
