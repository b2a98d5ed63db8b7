#!/usr/bin/env node
/**
 * Records in package-lock.json the platform-specific optional packages (…-darwin-arm64,
 * …-win32-x64-msvc …) that the registry mirror of our machines does not serve. Without a
 * lock entry `npm ci` stops with "Missing: <pkg>@ from lock file"; with one that names its
 * os/cpu, npm skips it on other platforms as it always does. Run it after `npm install`
 * when `npm ci` reports such lines: `node scripts/lock-platform-optionals.js`.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'loong64', 'ppc64', 'riscv64', 's390x'];

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const wanted = new Map();
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) wanted.set(name, version);
}
let added = 0;
for (const [name, version] of wanted) {
  const key = `node_modules/${name}`;
  if (lock.packages[key]) continue;
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) continue; // not a platform binary (e.g. a wasm build): leave it to npm
  try {
    // Only packages the registry really lacks: anything it serves, npm records itself.
    execFileSync('npm', ['view', `${name}@${version}`, 'version'], { stdio: 'pipe' });
    continue;
  } catch {
    // 404 here: record it below.
  }
  const entry = { version, optional: true, os: [os], cpu: [cpu] };
  if (name.includes('musl')) entry.libc = ['musl'];
  else if (name.includes('gnu')) entry.libc = ['glibc'];
  lock.packages[key] = entry;
  added += 1;
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)));
lock.packages = sorted;
fs.writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-optionals: recorded ${added} package(s) the registry does not serve`);
