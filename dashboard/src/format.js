// Money and dates as people read them. Amounts arrive as integer minor units with their
// currency's number of decimals; they are shown by cutting the digits, never by dividing in
// floating point, so 2195000 with 2 decimals is exactly "21 950,00".
import { language } from "./i18n.js";

function locale() {
  return language() === "fr" ? "fr-FR" : "en-GB";
}

// formatMinor(2195000, 2, "MNK") -> "21 950,00 MNK" in French, "21,950.00 MNK" in English.
export function formatMinor(minor, minorUnit, currency) {
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(minorUnit + 1, "0");
  const whole = BigInt(digits.slice(0, digits.length - minorUnit));
  const numbers = new Intl.NumberFormat(locale());
  const decimal = numbers.formatToParts(1.5).find((part) => part.type === "decimal").value;
  let text = numbers.format(whole);
  if (minorUnit > 0) text += decimal + digits.slice(digits.length - minorUnit);
  return `${negative ? "−" : ""}${text}${currency ? `\u00a0${currency}` : ""}`;
}

export function formatCount(count) {
  return new Intl.NumberFormat(locale()).format(count);
}

// "2026-11-24T18:55:21Z" -> "24 nov. 2026, 19:55" (Paris time: where the caisses are).
export function formatInstant(iso) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Paris",
  }).format(new Date(iso));
}

// "2026-11-24" -> "24 nov. 2026"; the date is a calendar day, so no time zone shifts it.
export function formatDay(day) {
  if (!day) return "";
  const [year, month, date] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

// "2026-11" -> "novembre 2026".
export function formatMonth(month) {
  const [year, number] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(locale(), { month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(year, number - 1, 1)));
}
