#!/usr/bin/env bash
# Remakes docs/matrix-sample.png, the picture of the HTML matrix report in README.md and docs/matrix.md.
# MatrixBrowserTest writes mapper's report of made-up sample data (testing/SampleMatrix: an ATT&CK-style bundle and
# the mappings of "Example Cloud", a framework that does not exist, so nothing of the official data is in the
# picture), opens it in headless Chromium at 1600x1000, clicks T1078 and saves the window; pngquant and optipng then
# make the file small. The report's date is fixed, so an unchanged page gives the same picture.
#
# Usage: src/test/scripts/matrix-sample.sh [MAVEN-OPTIONS]     e.g. -o to build offline
# Needs Maven, Chromium (Debian's chromium, or MAPPER_CHROMIUM), pngquant and optipng:
#   apt-get install -y chromium pngquant optipng
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

for tool in pngquant optipng; do
    command -v "$tool" >/dev/null || { echo "matrix-sample: $tool not found (apt-get install -y $tool)" >&2; exit 2; }
done
shot=target/matrix-browser/sample.png
rm -f "$shot"
mvn -B -q "$@" test -Dtest='MatrixBrowserTest#theSampleMatrix*' -Dsurefire.failIfNoSpecifiedTests=false
# Without a browser the test is skipped, and passes: say so rather than keep the old picture silently.
[[ -f "$shot" ]] || { echo "matrix-sample: no screenshot in $shot: is Chromium installed?" >&2; exit 1; }
pngquant --force --strip --output docs/matrix-sample.png -- "$shot"
optipng -quiet -o7 -strip all docs/matrix-sample.png
echo "docs/matrix-sample.png: $(wc -c <docs/matrix-sample.png) bytes"
