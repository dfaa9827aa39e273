/**
 * `pnpm test`: every check, in CI order (STYLE.md): format+lint, typecheck, unit, build,
 * integration (package checks, size budget, real servers), e2e in Chromium.
 * Stops at the first failing step and says which one it was.
 */
import { spawnSync } from 'node:child_process';

const steps: Array<[name: string, command: string]> = [
  ['format and lint', 'pnpm lint'],
  ['typecheck', 'pnpm typecheck'],
  ['unit tests', 'pnpm test:unit'],
  ['build', 'pnpm build'],
  ['integration tests', 'pnpm test:int'],
  ['end-to-end tests', 'pnpm test:e2e'],
];

const only = process.argv.slice(2);
const results: Array<{ name: string; seconds: number; ok: boolean }> = [];
for (const [name, command] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: ${command}`);
  const started = performance.now();
  const run = spawnSync(command, { shell: true, stdio: 'inherit' });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  results.push({ name, seconds, ok: run.status === 0 });
  if (run.status !== 0) break;
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
process.exit(failed > 0 ? 1 : 0);
