#include "accreditation/evaluation_reader.hpp"

#include "accreditation/evaluation_check.hpp"
#include "accreditation/toml_text.hpp"
#include "accreditation/toml_values.hpp"

namespace caisse::host::accreditation {
namespace {

using config::Diagnostics;
using config::Presence;
using config::TableReader;

constexpr std::string_view kNotApplicable = "n/a";

// [answers]: criterion = score, or criterion = "n/a". Whether the criterion exists and the score
// fits its scale is the grid's business (evaluation_check), checked once the grid is known.
void read_answers(TableReader& top, Evaluation& evaluation) {
  const toml::table* answers = top.table("answers", Presence::required);
  evaluation.positions.emplace("answers", top.position_of("answers"));
  if (answers == nullptr) return;
  for (auto&& [key, node] : *answers) {
    const std::string path = "answers." + std::string(key.str());
    const auto where = config::position_in(top.file(), key.source());
    Answer answer;
    answer.criterion = std::string(key.str());
    if (node.is_integer()) {
      answer.score = node.as_integer()->get();
    } else if (!node.is_string() || node.as_string()->get() != kNotApplicable) {
      const std::string found =
          node.is_string() ? "\"" + node.as_string()->get() + "\"" : config::toml_type_name(node);
      top.diagnostics().error(where, path, "expected an integer score or \"n/a\", found " + found);
      continue;
    }
    evaluation.positions.emplace(path, where);
    evaluation.answers.push_back(std::move(answer));
  }
}

// [comments]: criterion = "text", for criteria answered above.
void read_comments(TableReader& top, Evaluation& evaluation) {
  const toml::table* comments = top.table("comments");
  if (comments == nullptr) return;
  TableReader reader(*comments, top.file(), "comments", top.diagnostics());
  for (Answer& answer : evaluation.answers) {
    answer.comment = reader.string(answer.criterion).value_or("");
  }
  for (const auto& key : reader.remaining_keys()) {
    reader.error(key, "no answer for this criterion in [answers]");
    reader.accept(key);
  }
}

Evaluation evaluation_from_table(const toml::table& root, const std::filesystem::path& file,
                                 Diagnostics& diagnostics) {
  TableReader top(root, file, "", diagnostics);
  Evaluation evaluation;
  evaluation.source = file;
  for (const char* key : {"grid", "grid_version", "merchant", "date", "evaluators"}) {
    evaluation.positions.emplace(key, top.position_of(key));
  }
  evaluation.grid_id = read_identifier(top, "grid");
  evaluation.grid_version = read_version(top, "grid_version");
  evaluation.merchant_id = read_text(top, "merchant");
  evaluation.date = read_date(top, "date");
  auto evaluators = top.string_array("evaluators");
  for (std::size_t i = 0; i < evaluators.size(); ++i) {
    evaluation.positions.emplace("evaluators[" + std::to_string(i) + "]", evaluators[i].second);
    evaluation.evaluators.push_back(std::move(evaluators[i].first));
  }
  evaluation.comment = top.string("comment").value_or("");
  read_answers(top, evaluation);
  read_comments(top, evaluation);
  top.finish();
  return evaluation;
}

Result<Evaluation> finish(std::optional<toml::table> root, const std::filesystem::path& file,
                          const GridLibrary& grids, Diagnostics& diagnostics) {
  if (!root) return make_error(diagnostics.joined(), ErrorKind::invalid);
  Evaluation evaluation = evaluation_from_table(*root, file, diagnostics);
  if (!diagnostics.empty()) return make_error(diagnostics.joined(), ErrorKind::invalid);
  auto grid = grids.grid_for(evaluation);
  if (!grid) return grid.error();
  if (auto checked = check_evaluation(**grid, evaluation); !checked) return checked.error();
  return evaluation;
}

}  // namespace

Result<Evaluation> read_evaluation_file(const std::filesystem::path& file,
                                        const GridLibrary& grids) {
  Diagnostics diagnostics;
  return finish(config::parse_toml_file(file, diagnostics), file, grids, diagnostics);
}

Result<Evaluation> read_evaluation_text(std::string_view text, const std::filesystem::path& name,
                                        const GridLibrary& grids) {
  Diagnostics diagnostics;
  return finish(parse_toml_text(text, name, diagnostics), name, grids, diagnostics);
}

}  // namespace caisse::host::accreditation
