// The one translation unit that holds the compiled bodies of Boost.Asio, its SSL layer and
// Boost.Beast (see CMakeLists.txt). Nothing else belongs here.
#include <boost/asio/impl/src.hpp>
#include <boost/asio/ssl/impl/src.hpp>
#include <boost/beast/src.hpp>
