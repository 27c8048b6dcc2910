// Every role boundary of the admin API, read from its contract (docs/api/openapi.json) and tried
// against a running daemon: for each operation with `x-roles`,
//   - without a token: 401;
//   - with the token of each role NOT in x-roles: 403;
//   - with the token of each role in x-roles: neither 401 nor 403. A POST is sent without its
//     Idempotency-Key, so it must answer 400 naming the header and change nothing.
// Also: /api/v1/openapi.json answers, without a token, the file itself; and no answer a
// researcher may read holds a name, an email or an IBAN of the members file given.
// Plain node 20 (global fetch), no packages.
//
//   node role_matrix.mjs BASE_URL OPENAPI_JSON SECRETS_DIR [MEMBERS_CSV]
// Prints one line per check and a count; exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, specPath, secretsDir, membersCsv] = process.argv.slice(2);
if (!baseUrl || !specPath || !secretsDir) {
  console.error('usage: node role_matrix.mjs BASE_URL OPENAPI_JSON SECRETS_DIR [MEMBERS_CSV]');
  process.exit(2);
}
const specText = readFileSync(specPath, 'utf8');
const spec = JSON.parse(specText);
const ROLES = ['operator', 'committee', 'auditor', 'researcher'];
const tokens = Object.fromEntries(
  ROLES.map((role) => [role, readFileSync(join(secretsDir, `${role}.token`), 'utf8').trim()]));

let passed = 0;
const failures = [];
function check(ok, line) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
  if (ok) passed += 1;
  else failures.push(line);
}

// "#/components/parameters/IdempotencyKey" -> that object.
function resolve(value) {
  if (!value || typeof value.$ref !== 'string') return value;
  return value.$ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key], spec);
}

// The operation's URL with every path parameter and required query field set to its example.
function exampleUrl(path, parameters) {
  const query = new URLSearchParams();
  let url = path;
  for (const p of parameters) {
    if (p.in === 'path') {
      if (p.example === undefined) throw new Error(`path parameter {${p.name}} has no example`);
      url = url.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
    } else if (p.in === 'query' && p.required) {
      if (p.example === undefined) throw new Error(`required query field ${p.name} has no example`);
      query.set(p.name, String(p.example));
    }
  }
  const q = query.toString();
  return baseUrl + url + (q ? `?${q}` : '');
}

async function call(method, url, role) {
  const headers = role ? { Authorization: `Bearer ${tokens[role]}` } : {};
  const response = await fetch(url, { method, headers, body: method === 'POST' ? '' : undefined });
  return { status: response.status, body: await response.text() };
}

// Names, emails and IBANs of the members file (columns name, email, iban).
function personalData() {
  if (!membersCsv) return [];
  const [header, ...rows] = readFileSync(membersCsv, 'utf8').trim().split('\n');
  const columns = header.split(',');
  const wanted = ['name', 'email', 'iban'].map((c) => columns.indexOf(c)).filter((i) => i >= 0);
  return rows.flatMap((row) => {
    const cells = row.split(',');
    return wanted.map((i) => cells[i]).filter((v) => v && v.length >= 5);
  });
}
const secrets = personalData();

async function checkOperation(method, path, op, shared) {
  const name = `${method} ${path}`;
  const allowed = op['x-roles'];
  const parameters = [...shared, ...(op.parameters ?? [])].map(resolve);
  let url;
  try {
    url = exampleUrl(path, parameters);
  } catch (e) {
    check(false, `${name}: ${e.message}`);
    return;
  }
  const anonymous = await call(method, url, null);
  check(anonymous.status === 401, `${name} without a token -> ${anonymous.status} (want 401)`);
  for (const role of ROLES) {
    const answer = await call(method, url, role);
    if (!allowed.includes(role)) {
      check(answer.status === 403, `${name} as ${role} -> ${answer.status} (want 403)`);
    } else if (method === 'POST') {
      check(answer.status === 400 && answer.body.includes('Idempotency-Key'),
        `${name} as ${role}, no Idempotency-Key -> ${answer.status} (want 400 naming the key)` +
        (answer.status === 400 ? '' : ` ${answer.body.slice(0, 200)}`));
    } else {
      check(answer.status !== 401 && answer.status !== 403,
        `${name} as ${role} -> ${answer.status} (want neither 401 nor 403)`);
      if (role === 'researcher' && secrets.length > 0) {
        const leaked = secrets.find((s) => answer.body.includes(s));
        check(leaked === undefined,
          `${name} as researcher holds no member's name, email or IBAN` +
          (leaked ? ` (found "${leaked}")` : ''));
      }
    }
  }
}

let operations = 0;
for (const [path, item] of Object.entries(spec.paths)) {
  for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
    const op = item[method];
    if (!op) continue;
    operations += 1;
    if (Array.isArray(op['x-roles'])) {
      await checkOperation(method.toUpperCase(), path, op, item.parameters ?? []);
    } else if (path === '/api/v1/openapi.json') {
      const answer = await call('GET', baseUrl + path, null);
      check(answer.status === 200 && answer.body === specText,
        `GET ${path} without a token -> ${answer.status}, the file itself: ${answer.body === specText}`);
    } else {
      console.log(`skip ${method.toUpperCase()} ${path}: no x-roles (${op.security?.length === 0 ? 'no bearer token' : 'none given'})`);
    }
  }
}

console.log(`${passed} checks passed, ${failures.length} failed, over ${operations} operations`);
if (failures.length > 0) {
  console.log('failed:');
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
