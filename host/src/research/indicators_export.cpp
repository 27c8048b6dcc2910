#include "research/indicators_export.hpp"

#include "csv/csv_writer.hpp"
#include "research/dictionary.hpp"
#include "research/indicator_figures.hpp"
#include "research/indicator_rows.hpp"
#include "research/suppression.hpp"

namespace caisse::host::research {

Result<std::string> indicators_csv(store::PgConnection& db, const config::CaisseConfig& caisse,
                                   const MonthRange& range, std::int64_t min_group_size) {
  auto figures = read_indicator_figures(db, caisse.id, caisse.currency.code, range);
  if (!figures) return figures.error();
  auto rows = indicator_rows(
      *figures, {caisse.currency.code, caisse.currency.minor_unit, caisse.currency.parity_eur});
  if (!rows) return rows.error();
  suppress_small_groups(*rows, min_group_size);

  csv::Writer out(export_columns(ExportFile::indicators));
  for (const auto& row : *rows) {
    const bool shown = !row.suppressed;
    out.row({row.indicator, row.month.to_string(), row.group,
             shown ? std::to_string(row.households) : "",
             shown && row.value ? std::to_string(*row.value) : "", row.unit,
             row.suppressed ? "true" : "false"});
  }
  return out.take();
}

}  // namespace caisse::host::research
