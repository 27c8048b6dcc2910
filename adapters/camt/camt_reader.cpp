#include "camt_reader.hpp"

#include <amount_text.hpp>
#include <currency_digits.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "xml_tree.hpp"

namespace caisse::adapters::camt {
namespace {

namespace sdk = caisse::sdk;
using bankcsv::AmountFormat;

constexpr std::string_view kNamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:";

// What the two message kinds call their parts.
struct MessageKind {
  std::string_view name;    // "camt.053"
  std::string_view body;    // the element under Document
  std::string_view record;  // one per account (and page)
};
constexpr MessageKind kStatement{"camt.053", "BkToCstmrStmt", "Stmt"};
constexpr MessageKind kNotification{"camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn"};

// "camt.053.001.02" to ".08": the elements read here have kept their names and places.
const MessageKind* kind_of(std::string_view ns) {
  if (!ns.starts_with(kNamespacePrefix)) return nullptr;
  ns.remove_prefix(kNamespacePrefix.size());
  for (const MessageKind* kind : {&kStatement, &kNotification}) {
    if (!ns.starts_with(kind->name)) continue;
    const std::string_view version = ns.substr(kind->name.size());
    if (version.size() == 7 && version.starts_with(".001.0") && version[6] >= '2' &&
        version[6] <= '8') {
      return kind;
    }
  }
  return nullptr;
}

// Whether `text` starts with a calendar date "YYYY-MM-DD", alone (an ISODate) or followed by a
// time (an ISODateTime, "2007-10-18T13:15:00+01:00").
bool starts_with_iso_day(std::string_view text) {
  if (text.size() < 10 || (text.size() > 10 && text[10] != 'T')) return false;
  int fields[3] = {0, 0, 0};
  for (std::size_t i = 0, field = 0; i < 10; ++i) {
    if (i == 4 || i == 7) {
      if (text[i] != '-') return false;
      ++field;
    } else if (text[i] >= '0' && text[i] <= '9') {
      fields[field] = fields[field] * 10 + (text[i] - '0');
    } else {
      return false;
    }
  }
  return std::chrono::year_month_day{std::chrono::year{fields[0]},
                                     std::chrono::month{static_cast<unsigned>(fields[1])},
                                     std::chrono::day{static_cast<unsigned>(fields[2])}}
      .ok();
}

// An entry's amount and what each of its lines shares.
struct EntryFacts {
  std::int64_t minor = 0;
  std::string currency;
  bool debit = false;
  std::string booking_date;
  std::string value_date;
  std::string bank_reference;
  std::string additional_info;
};

class CamtRun {
 public:
  CamtRun(std::string_view file_name, const sdk::StatementSink& emit)
      : file_(file_name), emit_(emit) {}

  void read(std::string_view content) {
    const XmlDoc doc = parse_xml(file_, content);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    const std::string ns = root != nullptr && root->ns != nullptr && root->ns->href != nullptr
                               ? reinterpret_cast<const char*>(root->ns->href)
                               : "";
    const MessageKind* kind = kind_of(ns);
    if (root == nullptr || local_name(root) != "Document" || kind == nullptr) {
      fail(root, root != nullptr ? std::string(local_name(root)) : "",
           "not a camt.053 or camt.054 document (namespace \"" + ns +
               "\"); this adapter reads camt.053.001.02 to .08 and camt.054.001.02 to .08");
    }
    const xmlNode* body = child(root, kind->body);
    if (body == nullptr) {
      fail(root, "Document",
           "no " + std::string(kind->body) + " in a " + std::string(kind->name) + " document");
    }
    message_created_ = created_day(child(body, "GrpHdr"), "GrpHdr");
    const auto records = children(body, kind->record);
    if (records.empty()) {
      fail(body, std::string(kind->body),
           "no " + std::string(kind->record) + "; a " + std::string(kind->name) +
               " document holds at least one (XSD minOccurs 1)");
    }
    for (std::size_t r = 0; r < records.size(); ++r) {
      read_record(records[r], std::string(kind->record) + "[" + std::to_string(r + 1) + "]");
    }
  }

 private:
  [[noreturn]] void fail(const xmlNode* node, const std::string& path,
                         const std::string& reason) const {
    throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT,
                           std::string(file_) + ":" + std::to_string(node ? line_of(node) : 0) +
                               ": " + path + ": " + reason);
  }

  // "2007-10-18" from a Dt or a DtTm ("2007-10-18T13:15:00+01:00"): the bank's own calendar
  // day, not converted to UTC. A text that does not start with a calendar date fails, naming
  // `path`: a line must never carry a date the host cannot store.
  std::string iso_day(const xmlNode* node, const std::string& path) const {
    const std::string value = text(node);
    if (!starts_with_iso_day(value)) {
      fail(node, path, "\"" + value + "\" is not an ISO date (YYYY-MM-DD)");
    }
    return value.substr(0, 10);
  }

  // The day of the CreDtTm of `parent` (the last date a line can fall back on); "" when absent.
  std::string created_day(const xmlNode* parent, const std::string& path) const {
    const xmlNode* created = child(parent, "CreDtTm");
    return created != nullptr ? iso_day(created, path + "/CreDtTm") : std::string();
  }

  // A DateAndDateTimeChoice (BookgDt, ValDt): "" when absent.
  std::string date(const xmlNode* parent, std::string_view name, const std::string& path) const {
    const xmlNode* holder = child(parent, name);
    if (holder == nullptr) return {};
    const xmlNode* value = child(holder, "Dt");
    if (value == nullptr) value = child(holder, "DtTm");
    const std::string where = path + "/" + std::string(name);
    if (value == nullptr) fail(holder, where, "neither Dt nor DtTm");
    return iso_day(value, where + "/" + std::string(local_name(value)));
  }

  // An ActiveOrHistoricCurrencyAndAmount element: minor units of its Ccy attribute.
  std::pair<std::int64_t, std::string> money(const xmlNode* amt, const std::string& path) const {
    xmlChar* ccy = xmlGetProp(amt, reinterpret_cast<const xmlChar*>("Ccy"));
    std::string currency = ccy != nullptr ? reinterpret_cast<const char*>(ccy) : "";
    xmlFree(ccy);
    const std::optional<int> digits = bankcsv::currency_digits(currency);
    if (!digits) fail(amt, path, "Ccy \"" + currency + "\" is not an ISO 4217 currency code");
    AmountFormat format;
    format.decimal = '.';
    format.minor_unit = *digits;
    format.allow_sign = false;  // amounts are never negative: CdtDbtInd says which way
    format.allow_zero_padding = true;
    const std::string value = text(amt);
    const bankcsv::ParsedAmount parsed = bankcsv::parse_amount(value, format);
    if (parsed.error != bankcsv::AmountError::none) {
      fail(amt, path, bankcsv::amount_error_text(parsed.error, value, format));
    }
    return {parsed.minor, std::move(currency)};
  }

  void read_record(const xmlNode* record, const std::string& path) {
    account_iban_ = text_at(record, "Acct/Id/IBAN");
    record_created_ = created_day(record, path);
    const auto entries = children(record, "Ntry");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      read_entry(entries[i], path + "/Ntry[" + std::to_string(i + 1) + "]");
    }
  }

  // A required child element, else an error naming it.
  const xmlNode* required(const xmlNode* parent, std::string_view name,
                          const std::string& path) const {
    const xmlNode* node = child(parent, name);
    if (node == nullptr) fail(parent, path, "no " + std::string(name));
    return node;
  }

  void read_entry(const xmlNode* ntry, const std::string& path) {
    // .02-.07 write <Sts>BOOK</Sts>, .08 <Sts><Cd>BOOK</Cd></Sts> (or a Prtry code).
    const xmlNode* status = required(ntry, "Sts", path);
    const std::string code = child(status, "Cd") ? text_at(status, "Cd") : text(status);
    if (code != "BOOK") return;
    EntryFacts facts;
    const auto [minor, currency] = money(required(ntry, "Amt", path), path + "/Amt");
    facts.minor = minor;
    facts.currency = currency;
    const std::string indicator = text(required(ntry, "CdtDbtInd", path));
    if (indicator != "CRDT" && indicator != "DBIT") {
      fail(child(ntry, "CdtDbtInd"), path + "/CdtDbtInd",
           "\"" + indicator + "\" is neither CRDT nor DBIT");
    }
    facts.debit = indicator == "DBIT";
    facts.booking_date = date(ntry, "BookgDt", path);
    facts.value_date = date(ntry, "ValDt", path);
    // A notification may date nothing: the day the bank wrote it is the best one left.
    if (facts.booking_date.empty()) facts.booking_date = facts.value_date;
    if (facts.booking_date.empty()) facts.booking_date = record_created_;
    if (facts.booking_date.empty()) facts.booking_date = message_created_;
    if (facts.booking_date.empty()) fail(ntry, path, "no BookgDt, ValDt or CreDtTm to date it");
    facts.bank_reference = text_at(ntry, "AcctSvcrRef");
    facts.additional_info = text_at(ntry, "AddtlNtryInf");

    struct Detail {
      const xmlNode* node;
      std::string path;
    };
    std::vector<Detail> details;
    const auto blocks = children(ntry, "NtryDtls");
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const std::string block_path =
          path + "/NtryDtls" + (blocks.size() > 1 ? "[" + std::to_string(b + 1) + "]" : "");
      const auto txs = children(blocks[b], "TxDtls");
      for (std::size_t t = 0; t < txs.size(); ++t) {
        details.push_back({txs[t], block_path + "/TxDtls[" + std::to_string(t + 1) + "]"});
      }
    }
    const auto own_amount = [](const xmlNode* tx) {
      const xmlNode* amt = child(tx, "Amt");
      return amt != nullptr ? amt : descendant(tx, "AmtDtls/TxAmt/Amt");
    };
    bool split = details.size() > 1;
    for (const Detail& d : details) split = split && own_amount(d.node) != nullptr;
    if (details.size() == 1) {
      emit_line(facts, details[0].node, details[0].path, facts.minor, facts.currency);
    } else if (split) {
      for (const Detail& d : details) {
        const xmlNode* amt = own_amount(d.node);
        const auto [detail_minor, detail_currency] = money(
            amt, d.path + (local_name(amt->parent) == "TxDtls" ? "/Amt" : "/AmtDtls/TxAmt/Amt"));
        emit_line(facts, d.node, d.path, detail_minor, detail_currency);
      }
    } else {
      emit_line(facts, nullptr, path, facts.minor, facts.currency);
    }
  }

  // The counterparty's party element: the debtor of a credit, the creditor of a debit, or the
  // ultimate one when the bank names only that.
  static std::string party_name(const xmlNode* parties, std::string_view role) {
    for (const std::string_view prefix : {"", "Ultmt"}) {
      const xmlNode* party = child(parties, std::string(prefix) + std::string(role));
      if (party == nullptr) continue;
      // .02-.07: Nm directly; .08: a Pty (a person or organisation) or an Agt (a bank).
      for (const std::string_view path : {"Nm", "Pty/Nm", "Agt/FinInstnId/Nm"}) {
        if (const xmlNode* name = descendant(party, path)) return text(name);
      }
    }
    return {};
  }

  // The remittance: the unstructured lines joined; else the structured creditor reference;
  // else the bank's free text on the transaction or the entry.
  static std::string remittance(const xmlNode* tx, const EntryFacts& facts) {
    std::string out;
    for (const xmlNode* line : children(child(tx, "RmtInf"), "Ustrd")) {
      const std::string part = text(line);
      if (part.empty()) continue;
      if (!out.empty()) out += ' ';
      out += part;
    }
    if (out.empty()) out = text_at(tx, "RmtInf/Strd/CdtrRefInf/Ref");
    if (out.empty()) out = text_at(tx, "AddtlTxInf");
    if (out.empty()) out = facts.additional_info;
    return out;
  }

  void emit_line(const EntryFacts& facts, const xmlNode* tx, const std::string& path,
                 std::int64_t minor, const std::string& currency) {
    if (minor == 0) return;
    sdk::StatementEntry& e = entry_;
    e.location = path;
    e.account_iban = account_iban_;
    e.booking_date = facts.booking_date;
    e.value_date = facts.value_date;
    e.amount_minor = facts.debit ? -minor : minor;
    e.currency = currency;
    const std::string detail_reference = text_at(tx, "Refs/AcctSvcrRef");
    e.bank_reference = detail_reference.empty() ? facts.bank_reference : detail_reference;
    e.end_to_end_id = text_at(tx, "Refs/EndToEndId");
    if (e.end_to_end_id == "NOTPROVIDED") e.end_to_end_id.clear();  // the SEPA placeholder
    e.mandate_id = text_at(tx, "Refs/MndtId");
    const xmlNode* parties = child(tx, "RltdPties");
    const std::string_view role = facts.debit ? "Cdtr" : "Dbtr";
    e.counterparty_name = party_name(parties, role);
    e.counterparty_iban = text_at(parties, std::string(role) + "Acct/Id/IBAN");
    e.remittance = tx != nullptr ? remittance(tx, facts) : facts.additional_info;
    e.return_reason = text_at(tx, "RtrInf/Rsn/Cd");
    if (e.return_reason.empty()) e.return_reason = text_at(tx, "RtrInf/Rsn/Prtry");
    emit_(e);
  }

  std::string_view file_;
  const sdk::StatementSink& emit_;
  std::string message_created_;
  std::string record_created_;
  std::string account_iban_;
  sdk::StatementEntry entry_;
};

}  // namespace

void read_camt(std::string_view file_name, std::string_view content,
               const sdk::StatementSink& emit) {
  CamtRun run(file_name, emit);
  run.read(content);
}

}  // namespace caisse::adapters::camt
