#!/usr/bin/env node
// extract_bodies.js SRC DST: for the peers, write each SRC/**/*.md metadata file's JSON body (between
// the first two '---' lines) as DST/<same path>.json. Raw control characters inside strings (a few
// real files carry tabs/newlines there, which is invalid JSON) are escaped, because ajv-cli stops at
// the first file it cannot parse; a body that still does not parse, or a file without fences, is
// left out. Prints "written skipped" counts. Used by run.sh for the real corpus (the generator writes
// its own DIR.bodies).
'use strict';
const fs = require('fs');
const path = require('path');
const [src, dst] = process.argv.slice(2);
if (!src || !dst) { console.error('usage: extract_bodies.js SRC DST'); process.exit(2); }

function escapeControls(s) {
  let out = '', inStr = false, esc = false;
  for (const ch of s) {
    if (inStr) {
      if (esc) { esc = false; out += ch; continue; }
      if (ch === '\\') { esc = true; out += ch; continue; }
      if (ch === '"') { inStr = false; out += ch; continue; }
      const c = ch.codePointAt(0);
      if (c < 0x20) { out += c === 9 ? '\\t' : c === 10 ? '\\n' : c === 13 ? '\\r' : '\\u' + c.toString(16).padStart(4, '0'); continue; }
      out += ch;
    } else {
      if (ch === '"') inStr = true;
      out += ch;
    }
  }
  return out;
}

let written = 0, skipped = 0;
function walk(rel) {
  const entries = fs.readdirSync(path.join(src, rel), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) { walk(r); continue; }
    if (!e.name.endsWith('.md')) continue;
    const lines = fs.readFileSync(path.join(src, r), 'utf8').split('\n');
    const fences = [];
    for (let i = 0; i < lines.length && fences.length < 2; i++) if (/^---[ \t\r]*$/.test(lines[i])) fences.push(i);
    if (fences.length < 2) { skipped++; continue; }
    const body = escapeControls(lines.slice(fences[0] + 1, fences[1]).join('\n')) + '\n';
    try { JSON.parse(body); } catch (err) { skipped++; continue; }
    const out = path.join(dst, r.replace(/\.md$/, '.json'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, body);
    written++;
  }
}
walk('');
console.log(`${written} ${skipped}`);
