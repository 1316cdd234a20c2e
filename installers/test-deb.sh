#!/usr/bin/env bash
# Installs the .deb on this Debian machine, runs the installed launcher headless and (under Xvfb) with a window,
# then upgrades to version N+1 and checks that the user's data survived. Needs root (apt-get install).
# Usage: installers/test-deb.sh   (builds version N and N+1 with build-linux.sh first; SKIP_BUILD=1 reuses the
# Maven build already in app/target)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=ai-finops-workbench
launcher=/opt/$name/bin/$name
fail() { echo "FAIL: $*" >&2; exit 1; }

home=$(mktemp -d)   # the user's data directory for this test (the installed app honours AI_FINOPS_HOME)
export AI_FINOPS_HOME="$home/data"
trap 'rm -rf "$home"' EXIT

pom_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$here/../pom.xml" | head -n 1)
next_version="${pom_version%.*}.$(( ${pom_version##*.} + 1 ))"

echo "== building $pom_version"
"$here/build-linux.sh" >/dev/null
cp "$here"/target/dist/*.deb "$home/n.deb"
echo "== building $next_version (same app, next package version)"
SKIP_BUILD=1 APP_VERSION="$next_version" "$here/build-linux.sh" >/dev/null
cp "$here"/target/dist/*.deb "$home/n1.deb"
ls -l "$home"/*.deb

dpkg -r "$name" >/dev/null 2>&1 || true
# the menu entry goes where every desktop keeps menus (a minimal container has none of these directories)
mkdir -p /usr/share/applications /usr/share/desktop-directories /etc/xdg/menus
echo "== install $pom_version"
# apt resolves the package's dependencies (xdg-utils for the menu entry, the X/GTK libraries) as a user's install would
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$home/n.deb" >/dev/null
[ -x "$launcher" ] || fail "no launcher at $launcher"
out=$("$launcher" --version); echo "$out"
[ "$out" = "AI FinOps Workbench $pom_version" ] || fail "--version printed '$out'"
out=$("$launcher" cost --model gpt-5.5 --users 10000 --requests-per-day 10 --input-tokens 1500 --output-tokens 750 \
      --cache-hit 0.5 --overhead 1.2 --json); echo "$out"
echo "$out" | grep -q '"monthlyCostUsd":"95850.00"' || fail "cost printed $out"

echo "== data: a contract term in the user's database"
"$launcher" catalog contract --provider OpenAI --discount 20 >/dev/null
[ -f "$AI_FINOPS_HOME/workbench.mv.db" ] || fail "no database under $AI_FINOPS_HOME"
if find /opt/$name -newer "$home/n.deb" -name '*.mv.db' | grep -q .; then fail "the app wrote a database into /opt"; fi

if command -v xvfb-run >/dev/null; then
  echo "== window smoke test under Xvfb"
  out=$(JAVA_TOOL_OPTIONS="-Dworkbench.startupTiming=true -Dworkbench.exitAfterFirstFrame=true" \
        timeout 120 xvfb-run -a "$launcher" 2>&1 | grep 'first frame' || true)
  echo "$out"
  [ -n "$out" ] || fail "the installed app showed no window"
fi

echo "== upgrade to $next_version"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$home/n1.deb" >/dev/null
dpkg -s "$name" | grep -q "^Version: $next_version" || fail "package not upgraded"
out=$("$launcher" cost --model gpt-5.5 --users 10000 --requests-per-day 10 --input-tokens 1500 --output-tokens 750 \
      --cache-hit 0.5 --overhead 1.2 --contracted --json); echo "$out"
# 95,850 · 0.80: the contract stored by version N is still there after the upgrade
echo "$out" | grep -q '"monthlyCostUsd":"76680.00"' || fail "data lost in the upgrade: $out"

dpkg -r "$name" >/dev/null
[ ! -e "$launcher" ] || fail "uninstall left the launcher"
[ -f "$AI_FINOPS_HOME/workbench.mv.db" ] || fail "uninstall removed the user's data"
echo "deb install test: 1 passed, 0 failed"
