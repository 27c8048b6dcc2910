#include "daemon/landing_page.hpp"

#include <string>

namespace caisse::host::daemon {
namespace {

std::string escape_html(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string render(const config::DaemonConfig& config) {
  std::string caisses;
  for (const auto& c : config.caisses) {
    caisses += "<li><strong>" + escape_html(c.name) + "</strong> (" + escape_html(c.id) + ", " +
               escape_html(c.currency.code) + ")</li>";
  }
  return "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>caissed</title></head><body>"
         "<h1>caissed " CAISSE_VERSION
         "</h1>"
         "<p>Le démon de la caisse commune fonctionne. / The caisse daemon is running.</p>"
         "<h2>Caisses</h2><ul>" +
         caisses +
         "</ul>"
         "<h2>Liens / Links</h2><ul>"
         "<li><a href=\"/dashboard/\">/dashboard/</a> — tableau de bord / dashboard</li>"
         "<li><a href=\"/readyz\">/readyz</a> — prêt ? / ready?</li>"
         "<li><a href=\"/metrics\">/metrics</a> — Prometheus</li>"
         "<li>API: <code>/api/v1/status</code>, <code>/api/v1/plugins</code> "
         "(jeton / bearer token; <code>caissectl status</code>)</li>"
         "</ul></body></html>";
}

}  // namespace

void add_landing_page(http::Router& router, const config::DaemonConfig& config) {
  router.add("GET", "/", [page = render(config)](http::Request&&, http::Responder respond) {
    http::Response r;
    r.content_type = "text/html; charset=utf-8";
    r.body = page;
    respond(std::move(r));
  });
}

}  // namespace caisse::host::daemon
