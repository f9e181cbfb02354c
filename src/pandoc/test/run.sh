#!/usr/bin/env bash
# The Pandoc filter with the real pandoc: examples/docs/notes.md to HTML (every formula
# rendered by the real KaTeX) and to PDF through pdflatex; a block with an error fails the
# build with its position; the tool runs once per document. Run from anywhere; CI runs it.
set -euo pipefail
top="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$top"
work="$top/target/pandoc-test"
rm -rf "$work"
mkdir -p "$work/bin"

fail() { echo "pandoc-test: FAILED: $*" >&2; exit 1; }

command -v pandoc >/dev/null || fail "pandoc is not installed (apt-get install pandoc)"

# The tool as a user has it: `energy` on PATH (the launcher, through a link); a wrapper counts calls.
ln -s "$top/energy" "$work/bin/energy"
cat > "$work/bin/energy-counted" <<WRAP
#!/usr/bin/env bash
echo call >> "$work/calls"
exec "$work/bin/energy" "\$@"
WRAP
chmod +x "$work/bin/energy-counted"
export PATH="$work/bin:$PATH"
energy --version >/dev/null # builds the jar once, outside the timed runs

filter=(--lua-filter src/pandoc/energy.lua)
note=examples/docs/notes.md

# 1. HTML with KaTeX, through the counting wrapper: one call for the whole document.
ENERGY_COMMAND=energy-counted pandoc "$note" "${filter[@]}" --katex -s -o "$work/notes.html"
[ "$(wc -l < "$work/calls")" -eq 1 ] || fail "the tool ran $(wc -l < "$work/calls") times for one document"
displays=$(grep -o 'class="math display"' "$work/notes.html" | wc -l)
[ "$displays" -ge 5 ] || fail "notes.html has $displays display formulas, expected at least 5"
! grep -q 'class="sourceCode energy"\|class="energy"' "$work/notes.html" || fail "an energy block was left as code"
echo "pandoc-test: notes.html has $displays display formulas (one tool call)"

# 2. The real KaTeX on every formula: the same katex as the KaTeX test (KatexTest), installed
# once into the same cache.
katex_dir="${ENERGY_KATEX:-$HOME/.cache/energy-katex}"
katex_version="$(cat .ci/katex-version)"
if ! grep -qs "\"version\": \"$katex_version\"" "$katex_dir/node_modules/katex/package.json"; then
  mkdir -p "$katex_dir"
  npm install --silent --no-save --no-audit --no-fund --prefix "$katex_dir" "katex@$katex_version" >/dev/null
fi
pandoc "$note" "${filter[@]}" -t json -o "$work/notes.json"
if ! NODE_PATH="$katex_dir/node_modules" node src/pandoc/test/katex-check.js "$work/notes.json" 5 2> "$work/katex.err"; then
  head -5 "$work/katex.err"
  fail "KaTeX rejects formulas of notes.md (see $work/katex.err)"
fi

# 3. PDF through pdflatex (CI installs it; skipped where it is absent).
if command -v pdflatex >/dev/null; then
  if pandoc "$note" "${filter[@]}" --pdf-engine=pdflatex -o "$work/notes.pdf" 2> "$work/pdf.err"; then
    echo "pandoc-test: notes.pdf written ($(wc -c < "$work/notes.pdf") bytes)"
  else
    tail -5 "$work/pdf.err"
    fail "pdflatex rejects notes.md's formulas (see $work/pdf.err)"
  fi
else
  echo "pandoc-test: pdflatex not installed, PDF skipped"
fi

# 4. An error in a block: the build fails with the position in the document, no output file.
if pandoc src/pandoc/test/bad.md "${filter[@]}" -o "$work/bad.html" 2> "$work/bad.err"; then
  fail "pandoc succeeded on bad.md"
fi
grep -q '^src/pandoc/test/bad.md:13:15: error: ' "$work/bad.err" || { cat "$work/bad.err"; fail "no positioned message for bad.md"; }
[ ! -e "$work/bad.html" ] || fail "bad.html was written"
echo "pandoc-test: bad.md fails with: $(grep error: "$work/bad.err")"
echo "pandoc-test: ok"
