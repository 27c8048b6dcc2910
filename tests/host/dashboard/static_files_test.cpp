// The dashboard's files as caissed serves them (host/src/daemon/static_files.hpp): which names
// may be asked for, their types, ETags and 304s, the security headers, and what /dashboard/
// says when the dashboard was not built. Through the router, as the server calls it.
#include "daemon/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include "digest/sha256.hpp"
#include "temp_dir.hpp"

namespace caisse::host::daemon {
namespace {

std::optional<std::string> header(const http::Response& r, std::string_view name) {
  for (const auto& [key, value] : r.headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

class DashboardStaticFiles : public ::testing::Test {
 protected:
  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_.path() / name, std::ios::binary) << content;
  }

  // Loads the folder and answers GET `path` (with If-None-Match when given).
  http::Response get(const std::string& path, std::optional<std::string> if_none_match = {}) {
    http::Router router;
    add_dashboard_files(router,
                        std::make_shared<const StaticFiles>(StaticFiles::load(dir_.path())));
    auto match = router.match("GET", path);
    if (match.handler == nullptr) return http::json_error(404, "no route");
    http::Request request;
    request.method = "GET";
    request.path = path;
    request.path_params = match.path_params;
    if (if_none_match) request.headers.emplace_back("If-None-Match", *if_none_match);
    http::Response answer;
    (*match.handler)(std::move(request), [&answer](http::Response r) { answer = std::move(r); });
    return answer;
  }

  caisse::testing::TempDir dir_;
};

TEST(DashboardStaticFileNames, OnlyPlainNamesInsideTheFolderAreServable) {
  EXPECT_TRUE(is_servable_name("index.html"));
  EXPECT_TRUE(is_servable_name("chart.umd.min.js"));
  EXPECT_TRUE(is_servable_name("Font_1-bold.woff2"));
  EXPECT_FALSE(is_servable_name(""));
  EXPECT_FALSE(is_servable_name(".env"));
  EXPECT_FALSE(is_servable_name(".."));
  EXPECT_FALSE(is_servable_name("../caissed.toml"));
  EXPECT_FALSE(is_servable_name("a/b.js"));
  EXPECT_FALSE(is_servable_name("a\\b.js"));
  EXPECT_FALSE(is_servable_name("app.js%00"));
  EXPECT_FALSE(is_servable_name("caf\xc3\xa9.js"));
}

TEST(DashboardStaticFileNames, ContentTypeFollowsTheExtension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("app.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("styles.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("labels.json"), "application/json");
  EXPECT_EQ(content_type_for("logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("font.woff2"), "font/woff2");
  EXPECT_FALSE(content_type_for("notes.txt"));
  EXPECT_FALSE(content_type_for("app.js.map"));
  EXPECT_FALSE(content_type_for(".js"));
}

TEST_F(DashboardStaticFiles, IndexIsServedAtTheFolderWithItsEtagAndSecurityHeaders) {
  write("index.html", "<!doctype html><title>t</title>");
  http::Response r = get("/dashboard/");
  EXPECT_EQ(r.status, 200u);
  EXPECT_EQ(r.body, "<!doctype html><title>t</title>");
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header(r, "ETag"),
            "\"" + digest::to_hex(digest::sha256("<!doctype html><title>t</title>")) + "\"");
  EXPECT_EQ(header(r, "Content-Security-Policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'");
  EXPECT_EQ(header(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(r, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(header(r, "Cache-Control"), "no-cache");
}

TEST_F(DashboardStaticFiles, WithoutTheSlashRedirectsToTheFolder) {
  write("index.html", "x");
  http::Response r = get("/dashboard");
  EXPECT_EQ(r.status, 308u);
  EXPECT_EQ(header(r, "Location"), "/dashboard/");
}

TEST_F(DashboardStaticFiles, EachFileWithItsType) {
  write("index.html", "x");
  write("app.js", "console.log(1);");
  write("styles.css", "body{}");
  http::Response js = get("/dashboard/app.js");
  EXPECT_EQ(js.status, 200u);
  EXPECT_EQ(js.body, "console.log(1);");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/dashboard/styles.css").content_type, "text/css; charset=utf-8");
}

TEST_F(DashboardStaticFiles, MatchingIfNoneMatchAnswers304WithoutBody) {
  write("index.html", "x");
  write("app.js", "console.log(1);");
  const std::string etag = *header(get("/dashboard/app.js"), "ETag");
  http::Response same = get("/dashboard/app.js", etag);
  EXPECT_EQ(same.status, 304u);
  EXPECT_EQ(same.body, "");
  EXPECT_EQ(header(same, "ETag"), etag);
  EXPECT_EQ(get("/dashboard/app.js", "\"other\", W/" + etag).status, 304u);
  EXPECT_EQ(get("/dashboard/app.js", "*").status, 304u);
  http::Response changed = get("/dashboard/app.js", "\"other\"");
  EXPECT_EQ(changed.status, 200u);
  EXPECT_EQ(changed.body, "console.log(1);");
}

TEST_F(DashboardStaticFiles, TraversalHiddenUnknownTypesAndSubfoldersAre404) {
  write("index.html", "x");
  write(".secret.js", "hidden");
  write("notes.txt", "not a type served");
  std::filesystem::create_directory(dir_.path() / "sub.js");
  std::ofstream(dir_.path().parent_path() / "outside.js") << "outside";
  EXPECT_EQ(get("/dashboard/.secret.js").status, 404u);
  EXPECT_EQ(get("/dashboard/notes.txt").status, 404u);
  EXPECT_EQ(get("/dashboard/sub.js").status, 404u);
  EXPECT_EQ(get("/dashboard/..%2Foutside.js").status, 404u);
  EXPECT_EQ(get("/dashboard/%2E%2E").status, 404u);
  EXPECT_EQ(get("/dashboard/missing.js").status, 404u);
  EXPECT_EQ(get("/dashboard/missing.js").content_type, "text/plain; charset=utf-8");
  std::filesystem::remove(dir_.path().parent_path() / "outside.js");
}

TEST_F(DashboardStaticFiles, FilesAreReadOnceAtStart) {
  write("index.html", "first");
  http::Router router;
  add_dashboard_files(router, std::make_shared<const StaticFiles>(StaticFiles::load(dir_.path())));
  write("index.html", "second");
  auto match = router.match("GET", "/dashboard/");
  http::Response answer;
  (*match.handler)(http::Request{}, [&answer](http::Response r) { answer = std::move(r); });
  EXPECT_EQ(answer.body, "first");
}

TEST_F(DashboardStaticFiles, MissingFolderSaysHowToBuildTheDashboard) {
  StaticFiles files = StaticFiles::load(dir_.path() / "not-built");
  EXPECT_FALSE(files.has_index());
  ASSERT_FALSE(files.problems().empty());
  EXPECT_NE(files.problems().front().find("not-built"), std::string::npos);
  http::Router router;
  add_dashboard_files(router, std::make_shared<const StaticFiles>(std::move(files)));
  auto match = router.match("GET", "/dashboard/");
  http::Response answer;
  (*match.handler)(http::Request{}, [&answer](http::Response r) { answer = std::move(r); });
  EXPECT_EQ(answer.status, 404u);
  EXPECT_EQ(answer.content_type, "text/html; charset=utf-8");
  EXPECT_NE(answer.body.find("scripts/build.sh"), std::string::npos);
  EXPECT_NE(answer.body.find("npm"), std::string::npos);
}

TEST_F(DashboardStaticFiles, FolderWithoutIndexIsReportedAndAnswersTheSamePage) {
  write("app.js", "x");
  StaticFiles files = StaticFiles::load(dir_.path());
  EXPECT_EQ(files.size(), 1u);
  ASSERT_EQ(files.problems().size(), 1u);
  EXPECT_NE(files.problems().front().find("no index.html"), std::string::npos);
  EXPECT_EQ(get("/dashboard/").status, 404u);
  EXPECT_NE(get("/dashboard/").body.find("scripts/build.sh"), std::string::npos);
}

}  // namespace
}  // namespace caisse::host::daemon
