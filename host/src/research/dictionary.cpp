#include "research/dictionary.hpp"

#include <array>
#include <string_view>

#include "csv/csv_writer.hpp"

namespace caisse::host::research {
namespace {

struct Entry {
  ExportFile file;
  const char* column;
  const char* type;
  const char* unit;
  const char* description_fr;
  const char* description_en;
};

// Rows whose column starts with this describe an indicator, not a column of the file.
constexpr std::string_view kIndicatorPrefix = "indicator:";

constexpr std::array kEntries{
    Entry{ExportFile::transactions, "household", "text", "",
          "Pseudonyme du foyer : h_ suivi de 16 chiffres hexadécimaux. Le même pour une même clé "
          "d'export (export_key) d'un export à l'autre ; une autre clé donne des pseudonymes sans "
          "lien avec les premiers. Aucun nom, courriel, IBAN ni identifiant du registre.",
          "Household pseudonym: h_ followed by 16 hexadecimal digits. The same for one export key "
          "(export_key) across exports; another key gives pseudonyms unlinkable to the first. No "
          "name, email, IBAN or registry id."},
    Entry{ExportFile::transactions, "merchant", "text", "",
          "Identifiant du commerçant dans le registre de la caisse, jamais son nom (le nom d'un "
          "étal peut être celui d'une personne) ; vide si le commerçant est inconnu du registre.",
          "The merchant's id in the caisse's registry, never its name (a stall's name can be a "
          "person's name); empty when the merchant is not in the registry."},
    Entry{ExportFile::transactions, "merchant_kind", "text", "",
          "Type de commerçant : shop, producer, market_stall, amap, cooperative_grocery, "
          "supermarket ; unknown si le commerçant est inconnu du registre.",
          "Kind of merchant: shop, producer, market_stall, amap, cooperative_grocery, "
          "supermarket; unknown when the merchant is not in the registry."},
    Entry{ExportFile::transactions, "day", "date", "YYYY-MM-DD (UTC)",
          "Jour de l'achat en temps universel (un achat à 00:30 heure de Paris le 1er compte pour "
          "la veille). Pas d'heure.",
          "Day of the purchase in UTC (a purchase at 00:30 Paris time on the 1st counts for the "
          "day before). No time of day."},
    Entry{ExportFile::transactions, "amount_minor", "integer", "minor units of currency",
          "Montant de l'achat en unités mineures de la monnaie (1250 = 12,50).",
          "Amount of the purchase in minor units of the currency (1250 = 12.50)."},
    Entry{ExportFile::transactions, "currency", "text", "currency code",
          "Code de la monnaie du paiement (la monnaie de la caisse, par exemple MNK).",
          "Code of the payment's currency (the caisse's currency, e.g. MNK)."},
    Entry{ExportFile::indicators, "indicator", "text", "",
          "Nom de l'indicateur ; chacun est décrit par une ligne indicator:<nom> ci-dessous.",
          "Name of the indicator; each is described by an indicator:<name> row below."},
    Entry{ExportFile::indicators, "month", "text", "YYYY-MM",
          "Mois décrit (cotisations reçues, allocations du cycle de ce mois, achats payés ce mois "
          "en UTC).",
          "Month described (contributions received, allocations of that month's cycle, purchases "
          "paid that month in UTC)."},
    Entry{ExportFile::indicators, "group", "text", "",
          "Type de commerçant pour spending_by_merchant_kind (unknown : hors registre) ; vide "
          "pour les autres indicateurs.",
          "Kind of merchant for spending_by_merchant_kind (unknown: not in the registry); empty "
          "for the other indicators."},
    Entry{ExportFile::indicators, "households", "integer", "households",
          "Nombre de foyers que la ligne décrit ; vide si la ligne est masquée.",
          "Number of households the row describes; empty when the row is suppressed."},
    Entry{ExportFile::indicators, "value", "integer", "see unit",
          "Valeur de l'indicateur, dans l'unité de la colonne unit ; vide si la ligne est "
          "masquée.",
          "Value of the indicator, in the unit of the unit column; empty when the row is "
          "suppressed."},
    Entry{ExportFile::indicators, "unit", "text", "",
          "households (foyers), basis_points (dix-millièmes : 2500 = 25 %) ou minor:CODE (unités "
          "mineures de la monnaie CODE).",
          "households, basis_points (ten-thousandths: 2500 = 25 %) or minor:CODE (minor units of "
          "currency CODE)."},
    Entry{ExportFile::indicators, "suppressed", "boolean", "true/false",
          "true : la ligne décrit moins de foyers que le seuil de la caisse (min_group_size, 5 "
          "par défaut), ou elle permettrait de retrouver par soustraction une ligne masquée ; "
          "households et value sont alors vides.",
          "true: the row describes fewer households than the threshold (min_group_size, 5 by "
          "default), or it would give away a suppressed row by subtraction; households and value "
          "are then empty."},
    Entry{ExportFile::indicators, "indicator:contributing_households", "integer", "households",
          "Foyers dont une cotisation a été reçue dans le mois.",
          "Households whose contribution was received in the month."},
    Entry{ExportFile::indicators, "indicator:contribution_share_of_allocation", "integer",
          "basis_points",
          "Cotisations reçues dans le mois (converties à la parité de la monnaie) rapportées aux "
          "allocations créditées pour le mois, en dix-millièmes arrondis vers le bas. households : "
          "le plus petit des deux nombres de foyers (cotisants, crédités).",
          "Contributions received in the month (converted at the currency's parity) over the "
          "allocations credited for the month, in ten-thousandths rounded down. households: the "
          "smaller of the two counts (contributing, credited)."},
    Entry{ExportFile::indicators, "indicator:amounts_redistributed", "integer", "minor:CODE",
          "Allocations créditées sur les comptes des foyers pour le mois (lignes confirmées du "
          "cycle) ; households : foyers crédités.",
          "Allocations credited to households' accounts for the month (confirmed cycle lines); "
          "households: households credited."},
    Entry{ExportFile::indicators, "indicator:spending_total", "integer", "minor:CODE",
          "Total des achats payés par les foyers dans le mois ; households : foyers ayant payé.",
          "Total of the purchases households paid in the month; households: households who "
          "paid."},
    Entry{ExportFile::indicators, "indicator:spending_by_merchant_kind", "integer", "minor:CODE",
          "Achats des foyers dans le mois chez un type de commerçant (group) ; households : foyers "
          "ayant payé chez ce type.",
          "Households' purchases in the month at one kind of merchant (group); households: "
          "households who paid at that kind."},
};

}  // namespace

const char* export_file_name(ExportFile file) {
  return file == ExportFile::transactions ? "transactions.csv" : "indicators.csv";
}

std::vector<std::string> export_columns(ExportFile file) {
  std::vector<std::string> columns;
  for (const auto& entry : kEntries) {
    if (entry.file == file && !std::string_view(entry.column).starts_with(kIndicatorPrefix)) {
      columns.emplace_back(entry.column);
    }
  }
  return columns;
}

std::string dictionary_csv() {
  csv::Writer out({"file", "column", "type", "unit", "description_fr", "description_en"});
  for (const auto& entry : kEntries) {
    out.row({export_file_name(entry.file), entry.column, entry.type, entry.unit,
             entry.description_fr, entry.description_en});
  }
  return out.take();
}

}  // namespace caisse::host::research
