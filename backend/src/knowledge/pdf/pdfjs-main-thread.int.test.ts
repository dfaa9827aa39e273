/**
 * pdfjs's legacy build replaces JSON.stringify and JSON.parse with core-js polyfills when it
 * loads. It must only ever load in the extraction workers: in the server's main thread it made
 * every JSON call of every chat turn slower (found profiling bench:turn). This loads the whole
 * server, as main.ts does, in a fresh process and checks the built-ins are still native.
 */
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../../deps';

it('the server process keeps the native JSON functions (pdfjs stays in the workers)', () => {
  const script = `
    await import('./backend/src/main.ts');
    const native = (f) => Function.prototype.toString.call(f).includes('[native code]');
    console.log(JSON.stringify({ stringify: native(JSON.stringify), parse: native(JSON.parse) }));
  `;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({
    stringify: true,
    parse: true,
  });
});
