#include "accreditation/grid_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>

#include "accreditation/toml_text.hpp"
#include "accreditation/toml_values.hpp"
#include "config/caisse_file.hpp"

namespace caisse::host::accreditation {
namespace {

using config::Diagnostics;
using config::Presence;
using config::TableReader;

// Bounds that keep every sum far inside int64 (500 criteria x 1000 x 100 x 1000 per mille) and
// that no real grid comes near.
constexpr std::int64_t kMaxScale = 100;
constexpr std::int64_t kMaxWeight = 1000;
constexpr std::int64_t kMaxPoints = std::numeric_limits<std::int32_t>::max();

// What [defaults] gives every criterion that does not say otherwise.
struct CriterionDefaults {
  std::int64_t scale_min = 0;
  std::int64_t scale_max = 3;
  std::int64_t weight = 1;
  std::optional<std::int64_t> met_at;  // unset: the criterion's scale_max
  bool allow_na = false;
};

CriterionDefaults read_defaults(TableReader& top) {
  CriterionDefaults defaults;
  const toml::table* table = top.table("defaults");
  if (table == nullptr) return defaults;
  TableReader reader(*table, top.file(), "defaults", top.diagnostics());
  defaults.scale_min = reader.integer("scale_min", 0, kMaxScale).value_or(defaults.scale_min);
  defaults.scale_max = reader.integer("scale_max", 1, kMaxScale).value_or(defaults.scale_max);
  defaults.weight = reader.integer("weight", 0, kMaxWeight).value_or(defaults.weight);
  defaults.met_at = reader.integer("met_at", 0, kMaxScale);
  defaults.allow_na = reader.boolean("allow_na").value_or(false);
  reader.finish();
  return defaults;
}

Minimum read_minimum(TableReader& reader) {
  Minimum minimum;
  minimum.points = reader.integer("min_points", 0, kMaxPoints);
  minimum.share_permille = reader.integer("min_share_permille", 0, 1000);
  return minimum;
}

// A minimum in points that no answer could reach is a typing mistake, not a rule.
void check_reachable(TableReader& reader, const Minimum& minimum, std::int64_t max_points,
                     std::string_view what) {
  if (minimum.points && *minimum.points > max_points) {
    reader.error("min_points", std::to_string(*minimum.points) + " is more than " +
                                   std::string(what) + " maximum (" + std::to_string(max_points) +
                                   " points)");
  }
}

Criterion read_criterion(TableReader& reader, const CriterionDefaults& defaults) {
  Criterion c;
  c.id = read_identifier(reader, "id");
  c.label = read_text(reader, "label");
  c.scale_min = reader.integer("scale_min", 0, kMaxScale).value_or(defaults.scale_min);
  c.scale_max = reader.integer("scale_max", 1, kMaxScale).value_or(defaults.scale_max);
  c.weight = reader.integer("weight", 0, kMaxWeight).value_or(defaults.weight);
  c.met_at = reader.integer("met_at", 0, kMaxScale).value_or(defaults.met_at.value_or(c.scale_max));
  c.required = reader.boolean("required").value_or(false);
  c.allow_na = reader.boolean("allow_na").value_or(defaults.allow_na);
  if (c.scale_min >= c.scale_max) {
    reader.error("scale_max", "the scale " + std::to_string(c.scale_min) + " to " +
                                  std::to_string(c.scale_max) + " is empty (scale_max must be" +
                                  " above scale_min)");
  } else if (c.met_at < c.scale_min || c.met_at > c.scale_max) {
    reader.error("met_at", std::to_string(c.met_at) + " is outside the scale (" +
                               std::to_string(c.scale_min) + " to " + std::to_string(c.scale_max) +
                               ")");
  }
  if (c.required && c.allow_na) {
    reader.error("allow_na", "a required criterion cannot be answered \"n/a\"");
  }
  reader.finish();
  return c;
}

std::int64_t max_points(const Category& category) {
  std::int64_t total = 0;
  for (const Criterion& c : category.criteria) total += c.weight * c.scale_max;
  return total;
}

Category read_category(TableReader& reader, const CriterionDefaults& defaults,
                       std::map<std::string, config::SourcePosition>& criterion_ids) {
  Category category;
  category.id = read_identifier(reader, "id");
  category.label = read_text(reader, "label");
  category.minimum = read_minimum(reader);
  const auto tables = reader.table_array("criterion");
  if (tables.empty())
    reader.error("criterion", "missing (a category needs [[category.criterion]])");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader item(*tables[i], reader.file(),
                     reader.path_of("criterion") + "[" + std::to_string(i) + "]",
                     reader.diagnostics());
    Criterion criterion = read_criterion(item, defaults);
    if (!criterion.id.empty()) {
      auto [at, fresh] = criterion_ids.emplace(criterion.id, item.position_of("id"));
      if (!fresh) {
        item.error("id", "criterion \"" + criterion.id + "\" is already defined at " +
                             at->second.to_string());
      }
    }
    category.criteria.push_back(std::move(criterion));
  }
  check_reachable(reader, category.minimum, max_points(category), "the category's");
  reader.finish();
  return category;
}

std::vector<Category> read_categories(TableReader& top, const CriterionDefaults& defaults) {
  std::vector<Category> categories;
  std::map<std::string, config::SourcePosition> criterion_ids;
  std::map<std::string, config::SourcePosition> category_ids;
  const auto tables = top.table_array("category");
  if (tables.empty()) top.error("category", "missing (a grid needs at least one [[category]])");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader reader(*tables[i], top.file(), "category[" + std::to_string(i) + "]",
                       top.diagnostics());
    Category category = read_category(reader, defaults, criterion_ids);
    if (!category.id.empty()) {
      auto [at, fresh] = category_ids.emplace(category.id, reader.position_of("id"));
      if (!fresh) {
        reader.error("id", "category \"" + category.id + "\" is already defined at " +
                               at->second.to_string());
      }
    }
    categories.push_back(std::move(category));
  }
  return categories;
}

// [[tier]] in ascending order of min_met, so that reading the file top to bottom reads the
// rule from the least to the most demanding.
std::vector<Tier> read_tiers(TableReader& top, std::size_t criteria_count) {
  std::vector<Tier> tiers;
  const auto tables = top.table_array("tier");
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TableReader reader(*tables[i], top.file(), "tier[" + std::to_string(i) + "]",
                       top.diagnostics());
    Tier tier;
    const auto max_met = static_cast<std::int64_t>(std::max<std::size_t>(criteria_count, 1));
    auto min_met = reader.integer("min_met", 1, max_met, Presence::required);
    tier.share_permille =
        reader.integer("share_permille", 1, 1000, Presence::required).value_or(1000);
    tier.label = reader.string("label").value_or("");
    if (min_met && !tiers.empty() && *min_met <= tiers.back().min_met) {
      reader.error("min_met", std::to_string(*min_met) + " must be above the previous tier's " +
                                  std::to_string(tiers.back().min_met) +
                                  " (tiers go from the fewest criteria met to the most)");
    } else if (min_met) {
      tier.min_met = *min_met;
      tiers.push_back(std::move(tier));
    }
    reader.finish();
  }
  return tiers;
}

std::vector<std::string> read_exclusions(TableReader& top) {
  std::vector<std::string> out;
  const auto items = top.string_array("excluded_products");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& [product, where] = items[i];
    const std::string key = "excluded_products[" + std::to_string(i) + "]";
    if (!config::is_identifier(product)) {
      top.diagnostics().error(where, key, "\"" + product + "\" " + kIdentifierRule);
    } else if (std::find(out.begin(), out.end(), product) != out.end()) {
      top.diagnostics().error(where, key, "\"" + product + "\" is listed twice");
    } else {
      out.push_back(product);
    }
  }
  return out;
}

Grid grid_from_table(const toml::table& root, const std::filesystem::path& file,
                     Diagnostics& diagnostics) {
  TableReader top(root, file, "", diagnostics);
  Grid grid;
  grid.id = read_identifier(top, "id");
  grid.version = read_version(top, "version");
  grid.name = read_text(top, "name");
  grid.adopted_on = read_date(top, "adopted_on");
  grid.source = top.string("source").value_or("");
  const CriterionDefaults defaults = read_defaults(top);
  grid.categories = read_categories(top, defaults);
  if (const toml::table* threshold = top.table("threshold")) {
    TableReader reader(*threshold, file, "threshold", diagnostics);
    grid.minimum = read_minimum(reader);
    std::int64_t total = 0;
    for (const Category& c : grid.categories) total += max_points(c);
    check_reachable(reader, grid.minimum, total, "the grid's");
    reader.finish();
  }
  grid.tiers = read_tiers(top, grid.criteria_count());
  grid.excluded_products = read_exclusions(top);
  top.finish();
  return grid;
}

Result<Grid> finish(std::optional<toml::table> root, const std::filesystem::path& file,
                    Diagnostics& diagnostics) {
  if (!root) return make_error(diagnostics.joined(), ErrorKind::invalid);
  Grid grid = grid_from_table(*root, file, diagnostics);
  if (!diagnostics.empty()) return make_error(diagnostics.joined(), ErrorKind::invalid);
  return grid;
}

}  // namespace

Result<Grid> read_grid_file(const std::filesystem::path& file) {
  Diagnostics diagnostics;
  return finish(config::parse_toml_file(file, diagnostics), file, diagnostics);
}

Result<Grid> read_grid_text(std::string_view text, const std::filesystem::path& name) {
  Diagnostics diagnostics;
  return finish(parse_toml_text(text, name, diagnostics), name, diagnostics);
}

}  // namespace caisse::host::accreditation
