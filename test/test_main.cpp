#define BOOST_TEST_MODULE slack_asio
#include <boost/test/unit_test.hpp>
