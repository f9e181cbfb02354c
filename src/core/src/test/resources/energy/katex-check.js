// Renders every block of a JSON file [{"name": …, "math": …}, …] with KaTeX in display mode,
// throwOnError and strict "error", and prints a JSON array of {"name", "error"} for the blocks
// KaTeX rejects. One process for all blocks: KaTeX is found through NODE_PATH.
'use strict';
const fs = require('fs');
const katex = require('katex');
const blocks = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const errors = [];
for (const b of blocks) {
  try {
    katex.renderToString(b.math, { displayMode: true, throwOnError: true, strict: 'error' });
  } catch (e) {
    errors.push({ name: b.name, error: String(e.message || e) });
  }
}
process.stdout.write(JSON.stringify({ version: katex.version, rendered: blocks.length, errors: errors }));
