#include "daemon/conventionnement_answers.hpp"

#include "daemon/json_or_null.hpp"

namespace caisse::host::daemon {
namespace {

// One JSON value per item, in order.
template <class T, class Fn>
boost::json::array array_of(const std::vector<T>& items, Fn to_json) {
  boost::json::array out;
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

boost::json::array texts(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

boost::json::object score_json(const accreditation::ScoreCard& s) {
  boost::json::array categories;
  for (const auto& c : s.categories) {
    categories.push_back({{"id", c.id},
                          {"points", c.points},
                          {"max_points", c.max_points},
                          {"answered", c.answered},
                          {"met", c.met}});
  }
  return {{"outcome", accreditation::outcome_name(s.outcome)},
          {"points", s.points},
          {"max_points", s.max_points},
          {"share_permille", s.share_permille},
          {"criteria", s.criteria_count},
          {"answered", s.answered},
          {"met", s.met},
          {"product_share_permille", s.product_share_permille},
          {"tier", s.tier_label},
          {"reasons", texts(s.reasons)},
          {"excluded_products", texts(s.excluded_products)},
          {"categories", std::move(categories)}};
}

}  // namespace

boost::json::object merchant_json(const registry::MerchantEntry& m) {
  boost::json::object refs;
  for (const auto& [instance, ref] : m.refs) refs[instance] = ref;
  return {{"merchant_id", m.id},
          {"name", m.name},
          {"kind", m.kind},
          {"location", m.location},
          {"standing", m.standing},
          {"accredited", m.accredited},
          {"bonus", m.bonus},
          {"onboarding",
           {{"account_opened", m.account_opened},
            {"documents_received", m.documents_received},
            {"qr_issued", m.qr_issued},
            {"complete", m.account_opened && m.documents_received && m.qr_issued}}},
          {"refs", std::move(refs)}};
}

boost::json::object evaluation_json(const merchants::RecordedEvaluation& recorded) {
  const accreditation::Evaluation& e = recorded.evaluation;
  boost::json::array answers;
  for (const auto& a : e.answers) {
    answers.push_back(
        {{"criterion", a.criterion}, {"score", json_or_null(a.score)}, {"comment", a.comment}});
  }
  return {{"id", recorded.id},
          {"merchant_id", e.merchant_id},
          {"grid", e.grid_id},
          {"grid_version", e.grid_version},
          {"grid_digest", recorded.score.grid_digest},
          {"date", e.date},
          {"evaluators", texts(e.evaluators)},
          {"comment", e.comment},
          {"recorded_at", recorded.recorded_at},
          {"answers", std::move(answers)},
          {"score", score_json(recorded.score)}};
}

boost::json::object decision_json(const merchants::Decision& d) {
  boost::json::value votes = nullptr;
  if (d.votes) {
    votes = boost::json::object{{"in_favour", d.votes->in_favour},
                                {"against", d.votes->against},
                                {"abstaining", d.votes->abstaining}};
  }
  boost::json::array evaluations;
  for (auto id : d.evaluation_ids) evaluations.emplace_back(id);
  return {{"id", d.id},
          {"merchant_id", d.merchant_id},
          {"decision", d.decision},
          {"decided_on", d.decided_on},
          {"method", d.method},
          {"votes", std::move(votes)},
          {"valid_from", d.valid_from},
          {"valid_until", json_or_null(d.valid_until)},
          {"next_evaluation_on", json_or_null(d.next_evaluation_on)},
          {"evaluation_ids", std::move(evaluations)},
          {"note", d.note},
          {"recorded_by", d.recorded_by},
          {"recorded_at", d.recorded_at}};
}

boost::json::array gate_changes_json(const std::vector<registry::GateChange>& changes) {
  return array_of(changes, [](const registry::GateChange& c) {
    return boost::json::object{{"merchant_id", c.merchant_id},
                               {"accredited", c.accredited},
                               {"gate_flipped", c.gate_flipped},
                               {"standing", c.standing},
                               {"onboarded", c.onboarded}};
  });
}

boost::json::array gate_history_json(const std::vector<merchants::GateEvent>& history) {
  return array_of(history, [](const merchants::GateEvent& h) {
    return boost::json::object{
        {"accredited", h.accredited}, {"standing", h.standing},
        {"onboarded", h.onboarded},   {"decision_id", json_or_null(h.decision_id)},
        {"cause", h.cause},           {"changed_at", h.changed_at}};
  });
}

boost::json::array overdue_json(const std::vector<merchants::OverdueEvaluation>& overdue) {
  return array_of(overdue, [](const merchants::OverdueEvaluation& o) {
    return boost::json::object{{"merchant_id", o.merchant_id},
                               {"name", o.name},
                               {"standing", o.standing},
                               {"decision_id", o.decision_id},
                               {"next_evaluation_on", o.next_evaluation_on},
                               {"last_evaluated_on", o.last_evaluated_on}};
  });
}

}  // namespace caisse::host::daemon
