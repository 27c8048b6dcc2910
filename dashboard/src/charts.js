// Charts with their numbers next to them: each chart is a <figure> holding the canvas (for
// those who see it) and a table of the same values (for screen readers, keyboards, printing and
// anyone who wants the exact amount). Values stay integer minor units; only labels format them.
import { el, table, amountCell } from "./dom.js";
import { t } from "./i18n.js";

// Dark enough on white for the 3:1 that WCAG asks of graphics, and distinct without colour
// vision (the table carries the values anyway).
const PALETTE = ["#1b4f72", "#a04000", "#196f3d", "#6c3483", "#7b241c", "#515a5a", "#9a7d0a", "#1a5276"];

const charts = new Map();

// moneyFigure(id, title, items, money): items are {label, minor}; money is moneyOf(...).
// horizontal: bars along x, for long labels such as merchant names. total: false for values
// that do not add up to anything (allocated, credited and spent are three views of one month).
export function moneyFigure(id, title, items, money, { horizontal = false, total: withTotal = true } = {}) {
  const total = items.reduce((sum, item) => sum + BigInt(item.minor), 0n);
  const canvas = el("canvas", {
    id: `${id}-chart`,
    role: "img",
    "aria-label": `${title}: ${items.map((i) => `${i.label} ${money.format(i.minor)}`).join(", ")}`,
  });
  // Through the CSSOM: the Content-Security-Policy refuses style attributes.
  const box = el("div", { class: "canvas-box" }, canvas);
  box.style.height = `${horizontal ? Math.max(8, items.length * 2.2 + 4) : 16}rem`;
  const figure = el("figure", { id, class: "chart", dataset: { totalMinor: total.toString() } }, [
    el("figcaption", { text: title }),
    box,
    table(
      t("chart.table"),
      ["", t("amount")],
      items.map((item) => [item.label, amountCell(money.format(item.minor), item.minor)]),
      withTotal ? [t("total"), amountCell(money.format(total), total)] : null,
    ),
  ]);
  requestAnimationFrame(() => draw(canvas, items, money, horizontal));
  return figure;
}

function draw(canvas, items, money, horizontal) {
  if (!window.Chart || !canvas.isConnected) return;
  charts.get(canvas.id)?.destroy();
  const chart = new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: items.map((item) => item.label),
      datasets: [
        {
          data: items.map((item) => Number(item.minor)),
          backgroundColor: items.map((_, i) => PALETTE[i % PALETTE.length]),
        },
      ],
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (context) => money.format(context.raw) } },
      },
      scales: {
        [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0, callback: (value) => (Number.isInteger(value) ? money.format(value) : "") } },
      },
    },
  });
  charts.set(canvas.id, chart);
}
