// Renders every Math element of a Pandoc JSON document with the real KaTeX (throwOnError):
//   node katex-check.js doc.json [minimum-count]
// Exit 1 naming each formula KaTeX rejects, or when fewer formulas than expected are found.
const fs = require("fs");
const katex = require("katex");

const [file, minimum] = process.argv.slice(2);
const doc = JSON.parse(fs.readFileSync(file, "utf8"));
const formulas = [];
(function walk(node) {
  if (Array.isArray(node)) return node.forEach(walk);
  if (node === null || typeof node !== "object") return;
  if (node.t === "Math") formulas.push({ display: node.c[0].t === "DisplayMath", tex: node.c[1] });
  Object.values(node).forEach(walk);
})(doc.blocks);

let failed = 0;
for (const f of formulas) {
  try {
    katex.renderToString(f.tex, { displayMode: f.display, throwOnError: true });
  } catch (e) {
    failed++;
    console.error(`KaTeX rejects a formula: ${e.message}\n---\n${f.tex}\n---`);
  }
}
const display = formulas.filter((f) => f.display).length;
console.log(`katex ${katex.version}: ${formulas.length - failed} of ${formulas.length} formulas render (${display} display)`);
if (failed > 0 || display < Number(minimum || 1)) process.exit(1);
