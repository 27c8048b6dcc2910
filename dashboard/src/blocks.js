// One function per block of the dashboard, each drawing GET .../dashboard/{month}
// (docs/dashboard.md says where every number comes from). The cycle and money figures are the
// same as `caissectl cycle report` shows: the host builds both from one function.
import { el, table, amountCell, replaceChildren } from "./dom.js";
import { moneyFigure } from "./charts.js";
import { t } from "./i18n.js";
import { formatMinor, formatCount, formatInstant, formatDay } from "./format.js";

const LINE_STATUSES = ["NOT_SENT", "PENDING", "SUCCEEDED", "DECLINED", "UNKNOWN"];

// How amounts of one currency are written: {unit, currency, format(minor)}.
export function moneyOf(currency, unit) {
  return { currency, unit, format: (minor) => formatMinor(minor, unit, currency) };
}

function paragraph(text, className) {
  return el("p", { class: className, text });
}

export function drawCycle(container, board, role, onApprove) {
  const cycle = board.cycle;
  if (!cycle) {
    replaceChildren(container, paragraph(t("cycle.none")));
    return;
  }
  const money = moneyOf(cycle.currency, cycle.minor_unit);
  const facts = el("dl", { class: "facts" }, [
    el("dt", { text: t("cycle.state") }),
    el("dd", {}, el("span", { id: "cycle-state", class: `badge state-${cycle.state}`, dataset: { state: cycle.state }, text: t(`state.${cycle.state}`) })),
    el("dt", { text: t("cycle.total") }),
    el("dd", { id: "cycle-total", class: "amount big", dataset: { minor: String(cycle.total_minor) }, text: money.format(cycle.total_minor) }),
    el("dt", { text: t("cycle.households") }),
    el("dd", { id: "cycle-households", text: formatCount(cycle.household_count) }),
    el("dt", { text: t("cycle.rule") }),
    el("dd", { text: cycle.rule_version }),
  ]);
  const lines = table(
    t("cycle.lines"),
    [t("cycle.status"), t("count"), t("amount")],
    LINE_STATUSES.map((status) => [
      t(`line.${status}`),
      formatCount(cycle.lines[status].count),
      amountCell(money.format(cycle.lines[status].amount_minor), cycle.lines[status].amount_minor),
    ]),
  );
  lines.id = "cycle-lines";
  const who = [
    paragraph(t("cycle.computed", { who: cycle.computed_by, when: formatInstant(cycle.computed_at) })),
    cycle.approved_by
      ? paragraph(t("cycle.approved", { who: cycle.approved_by, when: formatInstant(cycle.approved_at) }), "approved")
      : paragraph(t("cycle.not_approved"), "notice"),
  ];
  const late = cycle.late
    ? paragraph(t("cycle.late", { lines: cycle.late.lines, amount: money.format(cycle.late.amount_minor), days: cycle.late.days }), "error")
    : null;
  let approve = null;
  if (role === "operator" && cycle.state === "computed") {
    approve = el("button", { type: "button", id: "approve", text: t("cycle.approve") });
    approve.addEventListener("click", () => onApprove(approve));
  }
  const bonus = board.bonus_cycle
    ? paragraph(t("cycle.bonus", {
        total: moneyOf(board.bonus_cycle.currency, board.bonus_cycle.minor_unit).format(board.bonus_cycle.total_minor),
        state: t(`state.${board.bonus_cycle.state}`),
      }))
    : null;
  replaceChildren(container, el("div", { class: "split" }, [facts, lines]), ...who, late, approve,
    el("p", { id: "approve-error", class: "error", role: "alert" }), bonus);
}

export function drawMoney(container, board) {
  const euros = moneyOf("EUR", 2);
  const local = moneyOf(board.caisse.currency, board.caisse.minor_unit);
  const incoming = board.money_in.map((item) => ({
    label: item.source === "grant" ? `${t("source.grant")} — ${item.funder_name || item.funder}` : t(`source.${item.source}`),
    minor: item.amount_minor,
  }));
  const outgoing = board.money_out.map((item) => ({ label: t(`out.${item.kind}`), minor: item.amount_minor }));
  replaceChildren(container,
    moneyFigure("money-in", t("money.in"), incoming, euros),
    moneyFigure("money-out", t("money.out"), outgoing, local));
}

export function drawUsage(container, board) {
  const usage = board.allocations_vs_spending;
  const money = moneyOf(usage.currency, board.caisse.minor_unit);
  replaceChildren(container,
    moneyFigure("usage-chart", t("usage.title"), [
      { label: t("usage.allocated"), minor: usage.allocated_minor },
      { label: t("usage.credited"), minor: usage.credited_minor },
      { label: t("usage.spent"), minor: usage.spent_minor },
    ], money, { total: false }),
    paragraph(t("usage.purchases", { purchases: formatCount(usage.purchases), households: formatCount(usage.spending_households) })));
}

export function drawMerchants(container, board) {
  const money = moneyOf(board.caisse.currency, board.caisse.minor_unit);
  if (board.spending_by_merchant.length === 0) {
    replaceChildren(container, paragraph(t("none")));
    return;
  }
  replaceChildren(container, el("div", { class: "split" }, [
    moneyFigure("by-merchant", t("merchants.by_merchant"),
      board.spending_by_merchant.map((m) => ({ label: m.name, minor: m.amount_minor })), money, { horizontal: true }),
    moneyFigure("by-kind", t("merchants.by_kind"),
      board.spending_by_kind.map((k) => ({ label: t(`kind.${k.kind}`), minor: k.amount_minor })), money, { horizontal: true }),
  ]));
}

export function drawAccreditation(container, board) {
  const { by_status: byStatus, overdue } = board.accreditation;
  const pipeline = table(t("accreditation.pipeline"), [t("accreditation.status"), t("count")],
    Object.entries(byStatus).map(([status, count]) => [t(`standing.${status}`), formatCount(count)]));
  const late = overdue.length === 0
    ? paragraph(t("accreditation.overdue_none"))
    : table(t("accreditation.overdue"), [t("merchants.merchant"), t("merchants.kind"), t("accreditation.due"), t("accreditation.days")],
        overdue.map((m) => [m.name, t(`kind.${m.kind}`), formatDay(m.next_evaluation_on), formatCount(m.days_overdue)]));
  replaceChildren(container, pipeline, late);
}

// lines: the unmatched lines from GET .../bank-lines, or null when the role may not read them.
export function drawBank(container, board, lines) {
  const bank = board.bank;
  const euros = moneyOf(bank.currency, 2);
  if (bank.unmatched_count === 0) {
    replaceChildren(container, paragraph(t("bank.none")));
    return;
  }
  const summary = el("p", { id: "bank-summary", dataset: { minor: String(bank.unmatched_amount_minor) },
    text: t("bank.summary", { count: formatCount(bank.unmatched_count), amount: euros.format(bank.unmatched_amount_minor) }) });
  const oldest = bank.oldest_unmatched_on ? paragraph(t("bank.oldest", { date: formatDay(bank.oldest_unmatched_on) })) : null;
  const detail = lines === null
    ? paragraph(t("bank.list_hidden"), "notice")
    : table(null, [t("bank.date"), t("amount"), t("bank.counterparty"), t("bank.remittance")],
        lines.map((line) => [formatDay(line.booking_date), amountCell(euros.format(line.amount_minor), line.amount_minor), line.counterparty, line.remittance]));
  replaceChildren(container, summary, oldest, el("div", { class: "scroll" }, detail));
}
