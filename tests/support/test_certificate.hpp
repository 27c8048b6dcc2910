// A self-signed certificate made at test time (EC P-256, valid for an hour, a CA so that it can
// be its own trust anchor), so TLS tests need no files.
#pragma once

#include <string>

namespace caisse::testing {

struct TestCertificate {
  std::string cert_pem;
  std::string key_pem;
};

// Throws std::runtime_error if OpenSSL fails (a broken test environment).
// `subject_alt_names` in OpenSSL's form: "DNS:localhost,IP:127.0.0.1".
TestCertificate make_self_signed_certificate(
    const std::string& subject_alt_names = "DNS:localhost,IP:127.0.0.1");

}  // namespace caisse::testing
