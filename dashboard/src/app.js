// The dashboard page: log in with a token, pick a caisse and a month, draw the blocks, approve
// the month's cycle as a second operator. The host decides who may do what (docs/admin-api.md);
// the page only hides what the role cannot use.
import { get, post, savedToken, saveToken, forgetToken, caissePath, ApiError } from "./api.js";
import { t, language, setLanguage, translatePage } from "./i18n.js";
import { formatMonth } from "./format.js";
import { drawCycle, drawMoney, drawUsage, drawMerchants, drawAccreditation, drawBank } from "./blocks.js";

const LANGUAGE_KEY = "caissed.language";
const DASHBOARD_ROLES = ["operator", "committee", "auditor"];
const BANK_LINE_ROLES = ["operator", "auditor"];

const $ = (id) => document.getElementById(id);
let me = null;  // {name, role} of the logged-in token
let caisses = [];

function say(text) {
  $("status").textContent = text;
}

function currentMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

// The month and caisse shown are kept in the address (#nantes-ouest/2026-11) so a reload or a
// shared link shows the same thing.
function readAddress() {
  const [caisse, month] = decodeURIComponent(location.hash.slice(1)).split("/");
  return { caisse, month: /^\d{4}-\d{2}$/.test(month ?? "") ? month : null };
}

function showWho() {
  $("who").textContent = `${me.name} (${t(`role.${me.role}`)})`;
}

async function logIn(token) {
  me = await get("/api/v1/me", token);
  saveToken(token);
  showWho();
  $("who").hidden = false;
  $("logout").hidden = false;
  $("login").hidden = true;
  $("board").hidden = false;
  if (!DASHBOARD_ROLES.includes(me.role)) {
    $("research-only").hidden = false;
    $("pick").hidden = true;
    return;
  }
  caisses = (await get("/api/v1/caisses")).caisses;
  $("caisse").replaceChildren(...caisses.map((c) => new Option(c.name, c.id)));
  const wanted = readAddress();
  if (caisses.some((c) => c.id === wanted.caisse)) $("caisse").value = wanted.caisse;
  $("month").value = wanted.month ?? currentMonth();
  await show();
}

function logOut() {
  forgetToken();
  location.hash = "";
  location.reload();
}

async function show() {
  const caisse = $("caisse").value;
  const month = $("month").value;
  if (!caisse || !month) return;
  // data-loaded names what the page shows once it is whole: tests and scripts wait on it.
  delete document.body.dataset.loaded;
  history.replaceState(null, "", `#${encodeURIComponent(caisse)}/${month}`);
  say(t("loading"));
  try {
    const board = await get(caissePath(caisse, "dashboard", month));
    const lines = BANK_LINE_ROLES.includes(me.role) && board.bank.unmatched_count > 0
      ? (await get(`${caissePath(caisse, "bank-lines")}?status=unmatched`)).lines
      : null;
    drawCycle($("cycle-body"), board, me.role, (button) => approve(button, caisse, month));
    drawMoney($("money-body"), board);
    drawUsage($("usage-body"), board);
    drawMerchants($("merchants-body"), board);
    drawAccreditation($("accreditation-body"), board);
    drawBank($("bank-body"), board, lines);
    $("blocks").hidden = false;
    say(t("loaded", { caisse: board.caisse.name, month: formatMonth(month) }));
    document.body.dataset.loaded = `${caisse}/${month}`;
  } catch (error) {
    say(t("error", { message: error.message }));
  }
}

async function approve(button, caisse, month) {
  button.disabled = true;
  say(t("cycle.approving"));
  try {
    await post(caissePath(caisse, "cycles", month, "approve"));
    await show();
    say(t("cycle.approved_now"));
    $("cycle-state")?.focus();
  } catch (error) {
    button.disabled = false;
    $("approve-error").textContent = error.message;
    say(t("error", { message: error.message }));
  }
}

function switchLanguage() {
  setLanguage(t("language.other.code"));
  localStorage.setItem(LANGUAGE_KEY, language());
  applyLanguage();
  if (!me) return;
  showWho();
  if (DASHBOARD_ROLES.includes(me.role)) show();
}

function applyLanguage() {
  translatePage();
  const other = $("language");
  other.textContent = t("language.other");
  other.lang = t("language.other.code");
}

function start() {
  setLanguage(localStorage.getItem(LANGUAGE_KEY) ?? "fr");
  applyLanguage();
  $("language").addEventListener("click", switchLanguage);
  $("logout").addEventListener("click", logOut);
  $("pick").addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
  $("login").addEventListener("submit", async (event) => {
    event.preventDefault();
    $("login-error").textContent = "";
    try {
      await logIn($("token").value.trim());
      $("token").value = "";
    } catch (error) {
      const refused = error instanceof ApiError && (error.status === 401 || error.status === 403);
      $("login-error").textContent = refused ? t("login.refused") : t("login.unreachable");
    }
  });
  const token = savedToken();
  if (token) logIn(token).catch(() => forgetToken());
}

start();
