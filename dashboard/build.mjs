// Builds the dashboard that caissed serves at /dashboard/: our pages and scripts from src/, and
// Chart.js from the npm packages installed by `npm ci` (package-lock.json pins them).
//   node build.mjs --modules <node_modules dir> --out <output dir>
// The output is flat (caissed serves one directory, no sub-folders) and holds nothing else, so a
// file removed from src/ disappears from the served pages on the next build.
import { copyFileSync, mkdirSync, readdirSync, rmSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

function option(name) {
  const at = process.argv.indexOf(name);
  if (at < 0 || at + 1 >= process.argv.length) {
    console.error(`build.mjs: missing ${name} <dir>`);
    process.exit(2);
  }
  return process.argv[at + 1];
}

const here = dirname(fileURLToPath(import.meta.url));
const modules = option("--modules");
const out = option("--out");
const chart = join(modules, "chart.js", "dist", "chart.umd.min.js");
if (!existsSync(chart)) {
  console.error(`build.mjs: ${chart} is missing: run npm ci first`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const sources = readdirSync(join(here, "src"));
for (const name of sources) copyFileSync(join(here, "src", name), join(out, name));
copyFileSync(chart, join(out, "chart.umd.min.js"));
console.log(`dashboard: ${sources.length + 1} files in ${out}`);
