#!/usr/bin/env bash
# SQL-injection scan of a RUNNING Waakvlam instance with sqlmap (Debian's package). Not part of CI.
#
#   scripts/security-scan.sh [BASE_URL]          default http://127.0.0.1:3000
#
# What it scans, signed in as the demo coordinator (see api/src/modules/demo):
#   1. every list endpoint of the OpenAPI document (GET, no path parameter) with its filter query parameters;
#   2. the sign-in endpoint, POST /api/auth/login, JSON body (email and password), with the CSRF cookie and header.
# Options: sqlmap --batch --level 3 --risk 2 (cookies, User-Agent and Referer are tested too), PostgreSQL payloads,
# each target within its share of the time budget. The summary goes to $SCAN_OUTPUT_DIR/summary.md.
#
# Environment:
#   SCAN_EMAIL                  account to sign in with (default coordinator@voorbeeld.nl)
#   DEMO_PASSWORD               its password (default waakvlam-demo-2026)
#   SCAN_TIME_BUDGET_SECONDS    the whole scan's budget (default 1200), shared evenly by the targets
#   SCAN_OUTPUT_DIR             where the summary and sqlmap's logs go (default ./security-scan-<UTC time>)
#
# The instance should run with demo data and raised sign-in limits, or sqlmap mostly meets 429s at the sign-in:
#   SEED_DEMO=true LOGIN_LIMIT_PER_IP=100000 LOGIN_LIMIT_PER_ACCOUNT=10000 SIGN_IN_DELAY_AFTER_FAILURES=100 \
#   SIGN_IN_LOCKOUT_AFTER_FAILURES=1000 npm start
# Scan only an instance of your own (never production data): sqlmap sends thousands of hostile requests.
set -euo pipefail

BASE_URL="${1:-http://127.0.0.1:3000}"
BASE_URL="${BASE_URL%/}"
EMAIL="${SCAN_EMAIL:-coordinator@voorbeeld.nl}"
PASSWORD="${DEMO_PASSWORD:-waakvlam-demo-2026}"
BUDGET="${SCAN_TIME_BUDGET_SECONDS:-1200}"
OUT="${SCAN_OUTPUT_DIR:-./security-scan-$(date -u +%Y%m%dT%H%M%SZ)}"
SQLMAP_OPTIONS=(--batch --level 3 --risk 2 --dbms=PostgreSQL --time-sec=2 --threads=2 --disable-coloring
  --flush-session --ignore-code=400,401,403,404,409,429)

fail() {
  echo "security-scan: $*" >&2
  exit 1
}

if ! command -v sqlmap >/dev/null 2>&1; then
  echo "security-scan: sqlmap is not installed. Install Debian's package: apt-get install -y sqlmap" >&2
  exit 2
fi
command -v curl >/dev/null 2>&1 || fail "curl is needed (apt-get install -y curl)"
command -v node >/dev/null 2>&1 || fail "node is needed to read the OpenAPI document"
curl -fsS "$BASE_URL/api/health/live" >/dev/null || fail "no Waakvlam instance answers at $BASE_URL"

mkdir -p "$OUT/sqlmap"
JAR="$OUT/cookies.txt"
started=$(date +%s)

cookie() { awk -v name="$1" '$6 == name { value = $7 } END { print value }' "$JAR"; }

# The CSRF dance: GET /api/auth/csrf sets XSRF-TOKEN; every POST echoes it in X-XSRF-TOKEN.
curl -fsS -c "$JAR" -b "$JAR" "$BASE_URL/api/auth/csrf" >/dev/null
csrf="$(cookie XSRF-TOKEN)"
[[ -n "$csrf" ]] || fail "no XSRF-TOKEN cookie from /api/auth/csrf"
login_body="$(EMAIL="$EMAIL" PASSWORD="$PASSWORD" node -e \
  'process.stdout.write(JSON.stringify({ email: process.env.EMAIL, password: process.env.PASSWORD }))')"
status="$(curl -sS -o "$OUT/login.json" -w '%{http_code}' -c "$JAR" -b "$JAR" -H 'content-type: application/json' \
  -H "X-XSRF-TOKEN: $csrf" --data "$login_body" "$BASE_URL/api/auth/login")"
[[ "$status" == 200 ]] || fail "sign-in as $EMAIL answered $status (demo data seeded? two-factor asked?)"
session="$(cookie waakvlam_session)"
csrf="$(cookie XSRF-TOKEN)"
COOKIES="waakvlam_session=$session; XSRF-TOKEN=$csrf"

# The list endpoints and a valid value for each filter, from the OpenAPI document.
curl -fsS -b "$JAR" "$BASE_URL/api/openapi.json" >"$OUT/openapi.json"
OPENAPI="$OUT/openapi.json" node >"$OUT/candidates.txt" <<'NODE'
const doc = require(require('node:path').resolve(process.env.OPENAPI));
const sample = (p) => {
  const s = p.schema ?? {};
  if (s.enum) return s.enum[0];
  if (p.name === 'page') return 1;
  if (p.name === 'pageSize') return 10;
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (s.format === 'date') return '2026-01-01';
  if (s.format === 'date-time') return '2026-01-01T00:00:00.000Z';
  if (s.type === 'boolean') return 'true';
  if (s.type === 'number' || s.type === 'integer') return 1;
  return 'test';
};
for (const [path, ops] of Object.entries(doc.paths)) {
  const op = ops.get;
  if (!op || path.includes('{') || path.endsWith('.csv')) continue;
  const query = (op.parameters ?? []).filter((p) => p.in === 'query');
  if (query.length === 0) continue;
  // All filters at once, then each alone (for a route whose filters exclude one another).
  const url = (ps) => `${path}?${ps.map((p) => `${p.name}=${encodeURIComponent(sample(p))}`).join('&')}`;
  console.log(`all ${url(query)}`);
  for (const p of query) console.log(`one ${url([p])}`);
}
NODE

# Keep the URLs that answer 200: all filters at once when that works, else each filter that works alone.
: >"$OUT/targets.txt"
declare -A covered=()
while read -r kind url; do
  path="${url%%\?*}"
  [[ "$kind" == one && -n "${covered[$path]:-}" && "${covered[$path]}" == all ]] && continue
  code="$(curl -sS -o /dev/null -w '%{http_code}' -b "$JAR" "$BASE_URL$url")"
  if [[ "$code" == 200 ]]; then
    echo "$url" >>"$OUT/targets.txt"
    [[ "$kind" == all ]] && covered[$path]=all || covered[$path]=some
  fi
done <"$OUT/candidates.txt"
targets=$(($(wc -l <"$OUT/targets.txt") + 1))
share=$((BUDGET / targets))
((share >= 30)) || share=30

summary="$OUT/summary.md"
{
  echo "# Waakvlam SQL-injection scan"
  echo
  echo "- Instance: $BASE_URL, signed in as $EMAIL"
  echo "- Started: $(date -u +%Y-%m-%dT%H:%M:%SZ); sqlmap $(sqlmap --version 2>/dev/null | grep -oE '^[0-9][^ ]*' | tail -1)"
  echo "- Options: ${SQLMAP_OPTIONS[*]}; at most ${share}s per target, $targets targets"
  echo
  echo "| target | result | answers other than 200 | detail |"
  echo "| --- | --- | --- | --- |"
} >"$summary"

findings=0
scan() { # scan <label> <sqlmap arguments…>
  local label="$1"
  shift
  local log="$OUT/sqlmap/$(echo "$label" | tr -c 'A-Za-z0-9' '_' | cut -c1-80).log"
  local rc=0
  # </dev/null: sqlmap must not read the loop's list of targets from standard input.
  timeout --signal=INT "$share" sqlmap "${SQLMAP_OPTIONS[@]}" --output-dir="$OUT/sqlmap" "$@" </dev/null >"$log" 2>&1 ||
    rc=$?
  local codes result detail
  # sqlmap ends with the HTTP answers it got that were not 200, e.g. "400 (Bad Request) - 1108 times, …".
  codes="$(grep -A1 'HTTP error codes detected during run' "$log" | tail -1 | grep -E 'times' | cut -c1-200 || true)"
  if grep -qE "is vulnerable|sqlmap identified the following injection point" "$log"; then
    result="**VULNERABLE**"
    findings=$((findings + 1))
    detail="$(grep -E "Parameter: |Type: " "$log" | sort -u | tr '\n' ' ' | cut -c1-300)"
  elif grep -q "all tested parameters do not appear to be injectable" "$log"; then
    result="no injection found"
    detail="$(grep -cE "\[INFO\] testing '" "$log") techniques tried"
  elif ((rc == 124 || rc == 130)); then
    result="time budget reached (partial)"
    detail="$(grep -E "testing '" "$log" | tail -1 | sed -E 's/^\[[^]]*\] \[[A-Z]+\] //' | cut -c1-160)"
  else
    result="error (exit $rc)"
    detail="$(grep -E "\[CRITICAL\]|\[ERROR\]" "$log" | tail -1 | cut -c1-200 || true)"
  fi
  echo "| \`$label\` | $result | ${codes:-none} | ${detail//|/\\|} |" >>"$summary"
  echo "security-scan: $label: $result"
}

while read -r url; do
  scan "GET $url" -u "$BASE_URL$url" --cookie="$COOKIES"
done <"$OUT/targets.txt"

# Last, so that its failed attempts cannot get in the way of the signed-in scans. A fresh CSRF cookie of its own, and
# an e-mail address of this run: the password's payloads all name that one account, which must wait (429) after
# SIGN_IN_DELAY_AFTER_FAILURES failures (at most 100), so the password field is tested only that far. The password
# never reaches SQL (it is only compared with a hash); the e-mail address, which does, is tested in full.
curl -fsS -c "$OUT/login-cookies.txt" "$BASE_URL/api/auth/csrf" >/dev/null
login_csrf="$(awk '$6 == "XSRF-TOKEN" { v = $7 } END { print v }' "$OUT/login-cookies.txt")"
scan "POST /api/auth/login (JSON)" -u "$BASE_URL/api/auth/login" --method=POST \
  --data="{\"email\":\"scan-$started@voorbeeld.nl*\",\"password\":\"geen-wachtwoord*\"}" \
  --headers="Content-Type: application/json
X-XSRF-TOKEN: $login_csrf" --cookie="XSRF-TOKEN=$login_csrf" --skip=XSRF-TOKEN

elapsed=$(($(date +%s) - started))
{
  echo
  echo "- Finished: $(date -u +%Y-%m-%dT%H:%M:%SZ), after ${elapsed}s"
  echo "- Findings: $findings target(s) with an injection point"
  echo "- Logs: $OUT/sqlmap/"
} >>"$summary"
echo "security-scan: $findings finding(s) in ${elapsed}s; summary in $summary"
((findings == 0))
