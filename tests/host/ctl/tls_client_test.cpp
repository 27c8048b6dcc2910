// The client over https against a one-shot TLS server on 127.0.0.1 whose certificate is made
// here: trusted through --ca-file it answers; not trusted, or not for this host, it is
// unreachable (exit 3) and nothing is sent.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "ctl/commands.hpp"
#include "loopback_listener.hpp"
#include "test_certificate.hpp"

namespace caisse::host::ctl {
namespace {

using caisse::testing::make_self_signed_certificate;
using caisse::testing::TestCertificate;

// Accepts one TLS connection, reads the request head, answers `response`, closes.
class OneShotTlsServer {
 public:
  OneShotTlsServer(const TestCertificate& certificate, std::string response)
      : response_(std::move(response)) {
    ctx_ = SSL_CTX_new(TLS_server_method());
    BIO* cert_bio = BIO_new_mem_buf(certificate.cert_pem.data(), -1);
    BIO* key_bio = BIO_new_mem_buf(certificate.key_pem.data(), -1);
    X509* cert = PEM_read_bio_X509(cert_bio, nullptr, nullptr, nullptr);
    EVP_PKEY* key = PEM_read_bio_PrivateKey(key_bio, nullptr, nullptr, nullptr);
    EXPECT_EQ(SSL_CTX_use_certificate(ctx_, cert), 1);
    EXPECT_EQ(SSL_CTX_use_PrivateKey(ctx_, key), 1);
    X509_free(cert);
    EVP_PKEY_free(key);
    BIO_free(cert_bio);
    BIO_free(key_bio);
    auto listener = caisse::testing::listen_on_loopback();
    listener_ = listener.fd;
    port_ = listener.port;
    thread_ = std::thread([this] { serve(); });
  }

  ~OneShotTlsServer() {
    ::shutdown(listener_, SHUT_RDWR);
    thread_.join();
    ::close(listener_);
    SSL_CTX_free(ctx_);
  }

  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

  std::string request() {
    std::lock_guard lock(mutex_);
    return request_;
  }

 private:
  void serve() {
    int connection = ::accept(listener_, nullptr, nullptr);
    if (connection < 0) return;
    SSL* ssl = SSL_new(ctx_);
    SSL_set_fd(ssl, connection);
    if (SSL_accept(ssl) == 1) {
      std::string received;
      char buffer[4096];
      while (received.find("\r\n\r\n") == std::string::npos) {
        int n = SSL_read(ssl, buffer, sizeof buffer);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
      }
      {
        std::lock_guard lock(mutex_);
        request_ = received;
      }
      SSL_write(ssl, response_.data(), static_cast<int>(response_.size()));
      SSL_shutdown(ssl);
    }
    SSL_free(ssl);
    ::close(connection);
  }

  std::string response_;
  SSL_CTX* ctx_ = nullptr;
  int listener_ = -1;
  unsigned short port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::string request_;
};

class TlsClient : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("ctl_tls_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write_ca(const TestCertificate& certificate) {
    auto path = dir_ / "ca.pem";
    std::ofstream(path) << certificate.cert_pem;
    return path.string();
  }

  static Invocation status_at(const std::string& url) {
    Invocation invocation;
    invocation.command = Command::status;
    invocation.url = url;
    invocation.token = "tls-secret-token";
    invocation.json = true;
    return invocation;
  }

  static int run(const Invocation& invocation, std::string* out, std::string* err) {
    std::ostringstream o;
    std::ostringstream e;
    int code = run_command(invocation, o, e);
    *out = o.str();
    *err = e.str();
    return code;
  }

  std::filesystem::path dir_;
};

const std::string kOk =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n"
    "Connection: close\r\n\r\n{\"version\":\"x\"}";

TEST_F(TlsClient, TrustedThroughCaFileAnswers) {
  TestCertificate certificate = make_self_signed_certificate("IP:127.0.0.1");
  OneShotTlsServer server(certificate, kOk);
  Invocation invocation = status_at(server.url());
  invocation.ca_file = write_ca(certificate);
  std::string out, err;
  EXPECT_EQ(run(invocation, &out, &err), kExitOk) << err;
  EXPECT_EQ(out, "{\"version\":\"x\"}\n");
  EXPECT_NE(server.request().find("Authorization: Bearer tls-secret-token"), std::string::npos);
}

TEST_F(TlsClient, UntrustedCertificateIsUnreachableAndNothingIsSent) {
  TestCertificate certificate = make_self_signed_certificate("IP:127.0.0.1");
  OneShotTlsServer server(certificate, kOk);
  std::string out, err;
  EXPECT_EQ(run(status_at(server.url()), &out, &err), kExitUnreachable);
  EXPECT_NE(err.find("TLS handshake"), std::string::npos) << err;
  EXPECT_EQ(server.request(), "");
}

TEST_F(TlsClient, CertificateForAnotherHostIsUnreachable) {
  TestCertificate certificate = make_self_signed_certificate("DNS:other.example");
  OneShotTlsServer server(certificate, kOk);
  Invocation invocation = status_at(server.url());
  invocation.ca_file = write_ca(certificate);
  std::string out, err;
  EXPECT_EQ(run(invocation, &out, &err), kExitUnreachable);
  EXPECT_NE(err.find("TLS handshake"), std::string::npos) << err;
  EXPECT_EQ(server.request(), "");
}

}  // namespace
}  // namespace caisse::host::ctl
