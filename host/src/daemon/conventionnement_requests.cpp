#include "daemon/conventionnement_requests.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <set>

#include "http/query_fields.hpp"

namespace caisse::host::daemon {
namespace {

Error invalid(std::string_view what, const std::string& why) {
  return Error{std::string(what) + ": " + why, ErrorKind::invalid};
}

// Reads the members of one JSON object, each at most once, and says which are unknown.
class Members {
 public:
  Members(const boost::json::object& object, std::string prefix)
      : object_(object), prefix_(std::move(prefix)) {}

  Result<std::optional<std::string>> text(std::string_view name, bool required) {
    const boost::json::value* member = find(name);
    if (member == nullptr || member->is_null()) {
      if (required) return invalid(path(name), "required");
      return std::optional<std::string>();
    }
    if (!member->is_string()) return invalid(path(name), "must be a string");
    return std::optional<std::string>(std::string(member->get_string()));
  }

  Result<std::int64_t> count(std::string_view name) {
    const boost::json::value* member = find(name);
    if (member == nullptr) return invalid(path(name), "required (a whole number)");
    if (!member->is_int64()) return invalid(path(name), "must be a whole number");
    return member->get_int64();
  }

  const boost::json::value* find(std::string_view name) {
    known_.insert(std::string(name));
    return object_.if_contains(name);
  }

  // The first member that was never asked for, as an error.
  Result<void> finish() const {
    for (const auto& [key, value] : object_) {
      if (known_.count(std::string(key)) == 0) {
        return invalid(path(std::string_view(key)), "unknown member");
      }
    }
    return {};
  }

 private:
  std::string path(std::string_view name) const { return prefix_ + std::string(name); }

  const boost::json::object& object_;
  std::string prefix_;
  std::set<std::string> known_;
};

Result<std::optional<merchants::Votes>> votes_of(Members& body) {
  const boost::json::value* member = body.find("votes");
  if (member == nullptr || member->is_null()) return std::optional<merchants::Votes>();
  if (!member->is_object()) {
    return invalid("votes", R"(must be an object {"in_favour":…,"against":…,"abstaining":…})");
  }
  Members counts(member->get_object(), "votes.");
  merchants::Votes votes;
  for (auto [name, field] :
       {std::pair{"in_favour", &votes.in_favour}, std::pair{"against", &votes.against},
        std::pair{"abstaining", &votes.abstaining}}) {
    auto count = counts.count(name);
    if (!count) return count.error();
    *field = *count;
  }
  if (auto done = counts.finish(); !done) return done.error();
  return std::optional<merchants::Votes>(votes);
}

Result<std::vector<std::int64_t>> evaluation_ids_of(Members& body) {
  const boost::json::value* member = body.find("evaluation_ids");
  std::vector<std::int64_t> ids;
  if (member == nullptr || member->is_null()) return ids;
  if (!member->is_array()) return invalid("evaluation_ids", "must be an array of evaluation ids");
  const auto& items = member->get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].is_int64() || items[i].get_int64() <= 0) {
      return invalid("evaluation_ids[" + std::to_string(i) + "]", "must be an evaluation id");
    }
    ids.push_back(items[i].get_int64());
  }
  return ids;
}

}  // namespace

Result<merchants::Decision> parse_decision(std::string_view json_body, std::string recorded_by) {
  boost::json::error_code ec;
  boost::json::value parsed = boost::json::parse(json_body, ec);
  if (ec || !parsed.is_object()) {
    return invalid("decision", "the body must be a JSON object");
  }
  Members body(parsed.get_object(), "");
  merchants::Decision d;
  d.recorded_by = std::move(recorded_by);
  for (auto [name, field] :
       {std::pair{"merchant_id", &d.merchant_id}, std::pair{"decision", &d.decision},
        std::pair{"decided_on", &d.decided_on}, std::pair{"method", &d.method},
        std::pair{"valid_from", &d.valid_from}}) {
    auto text = body.text(name, true);
    if (!text) return text.error();
    *field = std::move(**text);
  }
  for (auto [name, field] : {std::pair{"valid_until", &d.valid_until},
                             std::pair{"next_evaluation_on", &d.next_evaluation_on}}) {
    auto text = body.text(name, false);
    if (!text) return text.error();
    *field = std::move(*text);
  }
  auto note = body.text("note", false);
  if (!note) return note.error();
  d.note = note->value_or("");
  auto votes = votes_of(body);
  if (!votes) return votes.error();
  d.votes = *votes;
  auto ids = evaluation_ids_of(body);
  if (!ids) return ids.error();
  d.evaluation_ids = std::move(*ids);
  if (auto done = body.finish(); !done) return done.error();
  return d;
}

Result<std::optional<std::string>> parse_evaluation_query(std::string_view query) {
  std::optional<std::string> version;
  auto fields = http::query_fields(query);
  if (!fields) return fields.error();
  for (const auto& [name, value] : *fields) {
    if (name != "grid") return invalid(name, "unknown field; expected grid");
    if (value.empty()) return invalid("grid", "names a grid version, e.g. grid=2026-1");
    version = value;
  }
  return version;
}

}  // namespace caisse::host::daemon
