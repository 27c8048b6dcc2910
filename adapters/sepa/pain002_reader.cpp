#include "pain002_reader.hpp"

#include <optional>
#include <set>
#include <vector>

#include "amount_text.hpp"
#include "xml_element.hpp"

namespace caisse::adapters::sepa {
namespace {

constexpr std::string_view kNamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.";

// The status and reason a level (group, block, transaction) passes down to what it contains.
struct Verdict {
  std::optional<StatusMeaning> status;
  std::string reason;
};

std::optional<StatusMeaning> read_status(const XmlElement& level, std::string_view element) {
  const auto status = level.child(element);
  if (!status) return std::nullopt;
  const std::string code = status->text();
  auto meaning = status_meaning(code);
  if (!meaning) status->fail("unknown status \"" + code + "\"");
  return meaning;
}

std::string read_reason(const XmlElement& level) {
  for (const XmlElement& info : level.children("StsRsnInf")) {
    const auto reason = info.child("Rsn");
    if (!reason) continue;
    if (const auto code = reason->child("Cd")) return code->text();
    if (const auto proprietary = reason->child("Prtry")) return proprietary->text();
  }
  return "";
}

// A level's own verdict, falling back on its parent's for what it does not say.
Verdict verdict(const XmlElement& level, std::string_view status_element, const Verdict& parent) {
  Verdict own{read_status(level, status_element), read_reason(level)};
  if (!own.status) own.status = parent.status;
  if (own.reason.empty()) own.reason = parent.reason;
  return own;
}

class ReportReader {
 public:
  ReportReader(std::string_view file_name, const XmlElement& report)
      : file_name_(file_name), report_(report) {
    const XmlElement header = report.required("GrpHdr");
    message_id_ = header.required_text("MsgId");
    created_at_ = header.required_text("CreDtTm");
  }

  std::vector<StatusEvent> read() {
    const XmlElement group = report_.required("OrgnlGrpInfAndSts");
    const std::string original_message = group.required_text("OrgnlMsgId");
    const Verdict group_verdict = verdict(group, "GrpSts", {});
    const auto blocks = report_.children("OrgnlPmtInfAndSts");
    if (blocks.empty() || is_rejection(group_verdict)) {
      aggregate(group, group_verdict, "msg:" + original_message);
    }
    for (const XmlElement& block : blocks) read_block(block, group_verdict);
    return std::move(events_);
  }

 private:
  static bool is_rejection(const Verdict& verdict) {
    return verdict.status && !verdict.status->partial &&
           verdict.status->outcome == PaymentOutcome::failed;
  }

  void read_block(const XmlElement& block, const Verdict& group_verdict) {
    const std::string block_id = block.required_text("OrgnlPmtInfId");
    const Verdict block_verdict = verdict(block, "PmtInfSts", group_verdict);
    const auto transactions = block.children("TxInfAndSts");
    // A block status of its own covers the transactions it does not list.
    if (block.child("PmtInfSts") && (transactions.empty() || is_rejection(block_verdict))) {
      aggregate(block, block_verdict, "pmtinf:" + block_id);
    }
    for (const XmlElement& transaction : transactions) read_transaction(transaction, block_verdict);
  }

  void read_transaction(const XmlElement& transaction, const Verdict& block_verdict) {
    const Verdict own = verdict(transaction, "TxSts", block_verdict);
    if (!own.status || own.status->partial) {
      transaction.fail("has no TxSts and no enclosing PmtInfSts or GrpSts that settles it");
    }
    StatusEvent event = base_event(transaction, *own.status, own.reason,
                                   transaction.required_text("OrgnlEndToEndId"));
    if (const auto accepted = transaction.child("AccptncDtTm"))
      event.occurred_at = accepted->text();
    if (const auto reference = transaction.child("OrgnlTxRef")) read_amount(*reference, event);
    add(transaction, std::move(event));
  }

  // An event for every transaction of a message or block the report does not list one by one.
  void aggregate(const XmlElement& level, const Verdict& level_verdict, std::string payment_ref) {
    if (!level_verdict.status || level_verdict.status->partial) return;
    add(level,
        base_event(level, *level_verdict.status, level_verdict.reason, std::move(payment_ref)));
  }

  StatusEvent base_event(const XmlElement& level, StatusMeaning status, std::string reason,
                         std::string payment_ref) const {
    StatusEvent event;
    event.event_id = message_id_ + "/" + payment_ref;
    event.payment_ref = std::move(payment_ref);
    event.state = status.outcome;
    event.reason_code = std::move(reason);
    event.occurred_at = created_at_;
    event.location = std::string(file_name_) + ": " + relative_path(level);
    return event;
  }

  std::string relative_path(const XmlElement& level) const {
    return level.path().substr(report_.path().size() + 1);
  }

  static void read_amount(const XmlElement& reference, StatusEvent& event) {
    const auto amounts = reference.child("Amt");
    if (!amounts) return;
    const auto instructed = amounts->child("InstdAmt");
    if (!instructed) return;
    const auto minor = parse_amount(instructed->text());
    if (!minor)
      instructed->fail("\"" + instructed->text() + "\" is not an amount with at most 2 decimals");
    const auto currency = instructed->attribute("Ccy");
    if (!currency || currency->empty()) instructed->fail("lacks its Ccy attribute");
    event.amount_minor = *minor;
    event.currency = *currency;
  }

  void add(const XmlElement& level, StatusEvent event) {
    if (!payment_refs_.insert(event.payment_ref).second) {
      level.fail("a second status for " + event.payment_ref + " in the same report");
    }
    events_.push_back(std::move(event));
  }

  std::string_view file_name_;
  const XmlElement& report_;
  std::string message_id_;
  std::string created_at_;
  std::set<std::string> payment_refs_;
  std::vector<StatusEvent> events_;
};

}  // namespace

void read_pain002(std::string_view file_name, std::string_view content,
                  const StatusEventSink& emit) {
  const XmlFile file(file_name, content);
  const XmlElement document = file.root();
  if (document.name() != "Document" || !document.namespace_uri().starts_with(kNamespacePrefix)) {
    document.fail("not a pain.002 report (expected Document in namespace " +
                  std::string(kNamespacePrefix) + "NN, found namespace \"" +
                  document.namespace_uri() + "\")");
  }
  const XmlElement report = document.required("CstmrPmtStsRpt");
  for (const StatusEvent& event : ReportReader(file_name, report).read()) emit(event);
}

}  // namespace caisse::adapters::sepa
