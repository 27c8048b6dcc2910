#include "accreditation/grid_digest.hpp"

#include "digest/sha256.hpp"

namespace caisse::host::accreditation {
namespace {

class CanonicalWriter {
 public:
  void text(std::string_view key, std::string_view value) {
    out_ +=
        std::string(key) + "=s" + std::to_string(value.size()) + ":" + std::string(value) + "\n";
  }
  void number(std::string_view key, std::int64_t value) {
    out_ += std::string(key) + "=i" + std::to_string(value) + "\n";
  }
  // Absent and zero are different rules ("no minimum" against "at least 0").
  void optional(std::string_view key, const std::optional<std::int64_t>& value) {
    if (value) {
      number(key, *value);
    } else {
      out_ += std::string(key) + "=none\n";
    }
  }
  void minimum(const Minimum& m) {
    optional("min_points", m.points);
    optional("min_share_permille", m.share_permille);
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::string canonical_text(const Grid& grid) {
  CanonicalWriter w;
  w.text("format", "caisse-accreditation-grid-1");
  w.text("id", grid.id);
  w.text("version", grid.version);
  w.text("name", grid.name);
  w.text("adopted_on", grid.adopted_on);
  w.text("source", grid.source);
  w.minimum(grid.minimum);
  for (const auto& product : grid.excluded_products) w.text("excluded_product", product);
  for (const Tier& tier : grid.tiers) {
    w.number("tier.min_met", tier.min_met);
    w.number("tier.share_permille", tier.share_permille);
    w.text("tier.label", tier.label);
  }
  for (const Category& category : grid.categories) {
    w.text("category.id", category.id);
    w.text("category.label", category.label);
    w.minimum(category.minimum);
    for (const Criterion& c : category.criteria) {
      w.text("criterion.id", c.id);
      w.text("criterion.label", c.label);
      w.number("scale_min", c.scale_min);
      w.number("scale_max", c.scale_max);
      w.number("weight", c.weight);
      w.number("met_at", c.met_at);
      w.number("required", c.required ? 1 : 0);
      w.number("allow_na", c.allow_na ? 1 : 0);
    }
  }
  return w.take();
}

std::string grid_digest(const Grid& grid) {
  return digest::to_hex(digest::sha256(canonical_text(grid)));
}

}  // namespace caisse::host::accreditation
