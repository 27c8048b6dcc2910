// The web dashboard in Debian's chromium (playwright-core drives it). dashboard_browser_test.sh
// prepares the demo's current month and passes, in the environment: BASE_URL, MONTH, the demo's
// tokens, EXPECTED_DIR (the `caissectl cycle report` text of each caisse), EXPECTED_SPENDING
// (minor units by merchant kind, from the purchases it listed) and SCREENSHOT_DIR.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through dashboard_browser_test.sh`);
  return value;
};
const BASE_URL = env("BASE_URL");
const MONTH = env("MONTH");
const SHOTS = env("SCREENSHOT_DIR");
const SPENDING = JSON.parse(env("EXPECTED_SPENDING"));
mkdirSync(SHOTS, { recursive: true });

// The numbers of `caissectl cycle report`, read from its text the way a person reads it.
function report(caisse) {
  const text = readFileSync(join(env("EXPECTED_DIR"), `${caisse}.txt`), "utf8");
  const minor = (amount) => BigInt(amount.replace(".", ""));
  const total = text.match(/^total (\S+) (\S+) for (\d+) households$/m);
  assert.ok(total, `no total line in the report of ${caisse}:\n${text}`);
  const section = (title) => text.split(/\n\n/).find((block) => block.startsWith(title)) ?? "";
  const rows = (block, pattern) => [...block.matchAll(pattern)];
  return {
    state: text.match(/^cycle \S+ of \S+: (\w+)$/m)[1],
    total: total[1],
    currency: total[2],
    households: Number(total[3]),
    lines: Object.fromEntries(
      rows(text, /^ {2}(NOT_SENT|PENDING|SUCCEEDED|DECLINED|UNKNOWN) +(\d+) +(\S+)$/gm).map((r) => [r[1], { count: Number(r[2]), amount: minor(r[3]) }]),
    ),
    moneyIn: rows(section("money in"), /^ {2}(contributions|grant) +(\S+) +(\S+)$/gm).map((r) => ({ amount: r[3], minor: minor(r[3]) })),
    moneyOut: rows(section("money out"), /^ {2}(allocations|bonuses) +(\S+)$/gm).map((r) => ({ amount: r[2], minor: minor(r[2]) })),
  };
}

// "21 950,00 MNK" (French, narrow no-break spaces) -> "21950.00MNK"; "21,950.00 MNK" (English)
// -> "21950.00MNK": the same digits the report prints.
function digits(text, language) {
  const bare = text.replace(/[\s\u00a0\u202f]/g, "");
  return language === "fr" ? bare.replace(/\./g, "").replace(",", ".") : bare.replace(/,/g, "");
}

const sum = (values) => values.reduce((a, b) => a + BigInt(b), 0n);

let browser;
let page;

before(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    // Root (CI containers) cannot use chromium's sandbox.
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (error) => assert.fail(`the page threw: ${error.message}`));
});

after(async () => {
  await browser?.close();
});

async function logIn(token) {
  // A fresh page without the previous token. It is forgotten from a page of the same origin
  // that is not the dashboard, which would log in again with it meanwhile.
  await page.goto(`${BASE_URL}/healthz`);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${BASE_URL}/dashboard/`);
  await page.waitForSelector("#login:not([hidden])");
  // With the keyboard only: focus the field, type, press Enter.
  await page.focus("#token");
  await page.keyboard.type(token);
  await page.keyboard.press("Enter");
}

async function open(caisse) {
  await page.selectOption("#caisse", caisse);
  await page.fill("#month", MONTH);
  await page.click("#pick button[type=submit]");
  await page.waitForSelector(`body[data-loaded="${caisse}/${MONTH}"]`);
}

async function cycleState() {
  return page.getAttribute("#cycle-state", "data-state");
}

test("a wrong token is refused with a message", async () => {
  await logIn("not-a-token");
  await page.waitForSelector("#login-error:not(:empty)");
  assert.match(await page.textContent("#login-error"), /Jeton refusé/);
  assert.equal(await page.isVisible("#board"), false);
});

test("the operator who computed the cycle cannot approve it", async () => {
  await logIn(env("OPERATOR_TOKEN"));
  await page.waitForSelector("#who:not([hidden])");
  assert.match(await page.textContent("#who"), /demo-operator/);
  await open("nantes-ouest");
  assert.equal(await cycleState(), "computed");
  await page.click("#approve");
  await page.waitForSelector("#approve-error:not(:empty)");
  assert.match(await page.textContent("#approve-error"), /second operator/);
  assert.equal(await cycleState(), "computed");
});

test("a second operator approves the cycle from the keyboard", async () => {
  await logIn(env("TREASURER_TOKEN"));
  await page.waitForSelector("#who:not([hidden])");
  await open("nantes-ouest");
  await page.focus("#approve");
  await page.keyboard.press("Enter");
  await page.waitForSelector('#cycle-state[data-state="approved"]');
  assert.match(await page.textContent("#cycle-body"), /Approuvé par demo-treasurer/);
  // The host agrees: the approval is recorded under the treasurer's token name.
  const answer = await fetch(`${BASE_URL}/api/v1/caisses/nantes-ouest/cycles/${MONTH}`, {
    headers: { Authorization: `Bearer ${env("OPERATOR_TOKEN")}` },
  }).then((r) => r.json());
  assert.equal(answer.state, "approved");
  assert.equal(answer.approved_by, "demo-treasurer");
  await page.screenshot({ path: join(SHOTS, "desktop-fr.png"), fullPage: true });
});

for (const caisse of ["montpellier", "nantes-ouest"]) {
  test(`${caisse}: the page shows the numbers of caissectl cycle report`, async () => {
    const expected = report(caisse);
    await open(caisse);
    const total = await page.locator("#cycle-total");
    assert.equal(digits(await total.textContent(), "fr"), `${expected.total}${expected.currency}`);
    assert.equal(await page.textContent("#cycle-households"), String(expected.households));
    const lines = await page.$$eval("#cycle-lines tbody tr td.amount", (cells) => cells.map((c) => c.dataset.minor));
    assert.deepEqual(lines.map(BigInt), ["NOT_SENT", "PENDING", "SUCCEEDED", "DECLINED", "UNKNOWN"].map((s) => expected.lines[s].amount));
    const moneyIn = await page.$$eval("#money-in tbody td.amount", (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(moneyIn.map((text) => digits(text, "fr")), expected.moneyIn.map((row) => `${row.amount}EUR`));
    const moneyOut = await page.$$eval("#money-out tbody td.amount", (cells) => cells.map((c) => c.dataset.minor));
    assert.deepEqual(moneyOut.map(BigInt), expected.moneyOut.map((row) => row.minor));
  });
}

// Every chart on the page, as drawn: Chart.js's own data, the figure's total, pixels painted.
async function drawnCharts() {
  return page.$$eval("figure.chart", (figures) => figures.map((figure) => {
    const canvas = figure.querySelector("canvas");
    const chart = window.Chart.getChart(canvas);
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted += 1;
    return {
      id: figure.id,
      labels: chart ? chart.data.labels : null,
      values: chart ? chart.data.datasets[0].data : null,
      total: figure.dataset.totalMinor,
      painted,
    };
  }));
}

test("the charts render with the right totals", async () => {
  const expected = report("nantes-ouest");
  await open("nantes-ouest");
  await page.waitForFunction(() => [...document.querySelectorAll("figure.chart canvas")].every((c) => window.Chart.getChart(c)));
  const charts = Object.fromEntries((await drawnCharts()).map((c) => [c.id, c]));
  assert.deepEqual(Object.keys(charts).sort(), ["by-kind", "by-merchant", "money-in", "money-out", "usage-chart"]);
  for (const chart of Object.values(charts)) {
    assert.ok(chart.painted > 0, `${chart.id}: nothing painted on the canvas`);
    assert.equal(sum(chart.values), BigInt(chart.total), `${chart.id}: the chart and its table disagree`);
  }
  assert.equal(sum(charts["money-in"].values), sum(expected.moneyIn.map((r) => r.minor)));
  assert.equal(sum(charts["money-out"].values), sum(expected.moneyOut.map((r) => r.minor)));
  const spent = sum(Object.values(SPENDING));
  assert.deepEqual(charts["usage-chart"].values.map(BigInt),
    [BigInt(expected.total.replace(".", "")), expected.lines.SUCCEEDED.amount, spent]);
  assert.equal(sum(charts["by-merchant"].values), spent);
  const byKind = Object.fromEntries(charts["by-kind"].labels.map((label, i) => [label, charts["by-kind"].values[i]]));
  assert.deepEqual(byKind, {
    "commerce": SPENDING.shop,
    "producteur·rice": SPENDING.producer,
    "épicerie coopérative": SPENDING.cooperative_grocery,
    "commerce inconnu": SPENDING.unknown,
  });
});

// The page must not scroll sideways: on a phone, and at 200 % zoom (a 1280 px window at 200 %
// lays out like a 640 px one).
for (const [name, viewport] of [["phone", { width: 390, height: 844 }], ["zoom200", { width: 640, height: 450 }]]) {
  test(`usable at ${name} size without sideways scrolling`, async () => {
    await page.setViewportSize(viewport);
    await open("nantes-ouest");
    const { overflow, culprits } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The innermost elements that stick out: what to fix when this fails.
      const out = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5)
        .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5))
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className} "${e.textContent.trim().slice(0, 20)}"`);
      return { overflow: document.documentElement.scrollWidth - width, culprits: out.slice(0, 5) };
    });
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the ${name} screen: ${culprits.join(", ")}`);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
}

test("text contrast is at least WCAG AA", async () => {
  await open("nantes-ouest");
  const failures = await page.evaluate(() => {
    const rgb = (value) => value.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const channel = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const color = rgb(getComputedStyle(e).backgroundColor);
        if (color.length < 4 || color[3] > 0) return color.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    for (const element of document.querySelectorAll("h1, h2, p, th, td, dt, dd, label, button, caption, figcaption, span, a")) {
      if (!element.checkVisibility() || !element.textContent.trim()) continue;
      const style = getComputedStyle(element);
      const [a, b] = [luminance(rgb(style.color)), luminance(background(element))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${element.tagName} "${element.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
    }
    return out;
  });
  assert.deepEqual(failures, []);
});

test("English is one click away, amounts written the English way", async () => {
  await open("nantes-ouest");
  await page.click("#language");
  await page.waitForFunction(() => document.documentElement.lang === "en" && /up to date/.test(document.getElementById("status").textContent));
  assert.equal(await page.textContent("h1"), "Shared dashboard");
  const expected = report("nantes-ouest");
  assert.equal(digits(await page.textContent("#cycle-total"), "en"), `${expected.total}${expected.currency}`);
  await page.screenshot({ path: join(SHOTS, "desktop-en.png"), fullPage: true });
  await page.click("#language");
  await page.waitForFunction(() => document.documentElement.lang === "fr");
});

test("the committee reads the board but gets no approve button", async () => {
  await logIn(env("COMMITTEE_TOKEN"));
  await page.waitForSelector("#who:not([hidden])");
  await open("montpellier");
  assert.equal(await page.locator("#approve").count(), 0);
  assert.equal(await cycleState(), "computed");
});

test("logging out forgets the token", async () => {
  await page.click("#logout");
  await page.waitForSelector("#login:not([hidden])");
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  assert.equal(await page.isVisible("#board"), false);
});

test("a researcher token does not open the dashboard", async () => {
  await logIn(env("RESEARCHER_TOKEN"));
  await page.waitForSelector("#research-only:not([hidden])");
  assert.equal(await page.isVisible("#blocks"), false);
  const refused = await fetch(`${BASE_URL}/api/v1/caisses/montpellier/dashboard/${MONTH}`, {
    headers: { Authorization: `Bearer ${env("RESEARCHER_TOKEN")}` },
  });
  assert.equal(refused.status, 403);
});
