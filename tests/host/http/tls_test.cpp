#include <gtest/gtest.h>

#include <openssl/ssl.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "http/http_server.hpp"
#include "raw_http_client.hpp"
#include "test_certificate.hpp"

namespace caisse::host::http {
namespace {

namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using std::chrono::milliseconds;

struct TlsAnswer {
  unsigned status = 0;
  std::string body;
  std::string error;  // set when the TLS handshake or the exchange failed
};

// One GET over TLS, trusting only `trusted_cert_pem` and checking the name "localhost".
TlsAnswer tls_get(std::uint16_t port, const std::string& trusted_cert_pem,
                  const std::string& target, int min_version = TLS1_2_VERSION,
                  int max_version = 0) {
  TlsAnswer answer;
  try {
    net::io_context ioc;
    ssl::context ctx(ssl::context::tls_client);
    ctx.add_certificate_authority(net::buffer(trusted_cert_pem));
    ctx.set_verify_mode(ssl::verify_peer);
    SSL_CTX_set_min_proto_version(ctx.native_handle(), min_version);
    if (max_version != 0) SSL_CTX_set_max_proto_version(ctx.native_handle(), max_version);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
    SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
    stream.set_verify_callback(ssl::host_name_verification("localhost"));
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(10));
    beast::get_lowest_layer(stream).connect(
        net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    stream.handshake(ssl::stream_base::client);
    bhttp::request<bhttp::string_body> request{bhttp::verb::get, target, 11};
    request.set(bhttp::field::host, "localhost");
    bhttp::write(stream, request);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    bhttp::read(stream, buffer, response);
    answer.status = response.result_int();
    answer.body = response.body();
    beast::error_code ignored;
    stream.shutdown(ignored);
  } catch (const std::exception& e) {
    answer.error = e.what();
  }
  return answer;
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    certificate_ = caisse::testing::make_self_signed_certificate();
    router_->add("GET", "/hello/{name}", [](Request&& r, Responder respond) {
      Response response;
      response.content_type = "text/plain";
      response.body = "hello " + r.path_params.at("name");
      respond(std::move(response));
    });
  }

  HttpServerOptions tls_options() const {
    HttpServerOptions options;
    options.port = 0;
    options.tls_cert_pem = certificate_.cert_pem;
    options.tls_key_pem = certificate_.key_pem;
    return options;
  }

  caisse::testing::TestCertificate certificate_;
  std::shared_ptr<Router> router_ = std::make_shared<Router>();
};

TEST_F(TlsTest, ServesARequestOverTlsWithASelfSignedCertificate) {
  HttpServer server(tls_options(), router_, nullptr);
  auto started = server.start();
  ASSERT_TRUE(started.ok()) << started.error().message;
  auto answer = tls_get(server.port(), certificate_.cert_pem, "/hello/tls");
  ASSERT_EQ(answer.error, "");
  EXPECT_EQ(answer.status, 200u);
  EXPECT_EQ(answer.body, "hello tls");
}

TEST_F(TlsTest, RefusesTls11) {
  HttpServer server(tls_options(), router_, nullptr);
  ASSERT_TRUE(server.start().ok());
  auto answer =
      tls_get(server.port(), certificate_.cert_pem, "/hello/old", TLS1_VERSION, TLS1_1_VERSION);
  EXPECT_NE(answer.error, "") << "a TLS 1.1 handshake succeeded";
}

TEST_F(TlsTest, PlainHttpOnTheTlsPortGetsNoHttpAnswer) {
  HttpServer server(tls_options(), router_, nullptr);
  ASSERT_TRUE(server.start().ok());
  testing::RawClient client(server.port());
  ASSERT_TRUE(client.connected());
  client.send("GET /hello/plain HTTP/1.1\r\nHost: x\r\n\r\n");
  auto response = client.read_response(milliseconds(5000));
  EXPECT_FALSE(response.has_value() && response->status == 200);
  EXPECT_TRUE(client.wait_closed(milliseconds(5000)));
}

TEST_F(TlsTest, StartFailsWhenTheKeyDoesNotMatchTheCertificate) {
  auto other = caisse::testing::make_self_signed_certificate();
  HttpServerOptions options = tls_options();
  options.tls_key_pem = other.key_pem;
  HttpServer server(options, router_, nullptr);
  auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("does not match"), std::string::npos)
      << started.error().message;
}

TEST_F(TlsTest, StartFailsOnACertificateThatIsNotPem) {
  HttpServerOptions options = tls_options();
  options.tls_cert_pem = "not a certificate";
  HttpServer server(options, router_, nullptr);
  auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("certificate"), std::string::npos)
      << started.error().message;
}

TEST_F(TlsTest, StartFailsWhenOnlyTheCertificateIsGiven) {
  HttpServerOptions options = tls_options();
  options.tls_key_pem.reset();
  HttpServer server(options, router_, nullptr);
  EXPECT_FALSE(server.start().ok());
}

}  // namespace
}  // namespace caisse::host::http
