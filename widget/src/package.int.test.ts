// @vitest-environment happy-dom
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listFiles, packWidget, widgetDir } from '../scripts/pack';

// The package as a portal developer gets it: packed with pnpm (catalog: ranges rewritten),
// installed with npm into an app outside the workspace, type-checked and mounted from there.
let work = '';
let tarball = '';
let app = '';
let installed = '';

const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'wagechat-package-'));
  tarball = packWidget(join(work, 'tarballs'));
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-portal', private: true, type: 'module' }),
  );
  // The package has no runtime dependencies, so npm needs no registry to install it.
  const npmFlags = ['--offline', '--no-audit', '--no-fund', '--no-package-lock'];
  run('npm', ['install', tarball, ...npmFlags, '--cache', join(work, 'npm-cache')], app);
  installed = join(app, 'node_modules', '@wagechat', 'widget');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs the workspace's tsc; returns its diagnostics, or '' when the project type-checks. */
function typeCheck(tsconfig: string): string {
  const tsc = join(widgetDir, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    run(process.execPath, [tsc, '-p', tsconfig], app);
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(error);
  }
}

const manifest = () => JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));

describe('the packed @wagechat/widget', () => {
  it('ships the ES module, one .d.ts and the script-tag files, nothing else', () => {
    const files = listFiles(installed);
    expect(files).toEqual(
      expect.arrayContaining(['dist/index.d.ts', 'dist/wagechat.js', 'dist/wagechat.mjs']),
    );
    for (const file of files) {
      // The lazy chunk the script tag loads ships too, whatever its hashed name.
      expect(file).toMatch(/^(package\.json|README\.md|dist\/index\.d\.ts|dist\/[\w.-]+\.m?js)$/);
    }
  });

  it('publishes real version ranges and no runtime dependencies (Preact is bundled)', () => {
    const text = readFileSync(join(installed, 'package.json'), 'utf8');
    expect(text).not.toMatch(/catalog:|workspace:/);
    const pkg = manifest();
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.peerDependencies).toBeUndefined();
    expect(pkg.devDependencies.preact).toMatch(/^[\^~]?\d+\.\d+/);
    expect(pkg.exports['.']).toEqual({
      types: './dist/index.d.ts',
      default: './dist/wagechat.mjs',
    });
  });

  it('ships a minified, self-contained ES module', () => {
    const code = readFileSync(join(installed, 'dist', 'wagechat.mjs'), 'utf8');
    expect(code).not.toMatch(/^\s*import\b|\bfrom\s*["']preact/m);
    expect(code).toMatch(/export\s*\{\s*\w+ as mount\s*\}/);
    // Minified: a handful of long lines, not one statement per indented line.
    expect(code.split('\n').length).toBeLessThan(20);
    expect(code).not.toMatch(/\n {2}\S/);
  });

  it('declares exactly the npm API in one self-contained index.d.ts', () => {
    const dts = join(installed, 'dist', 'index.d.ts');
    // No import of Preact or anything else: the types stand alone like the code does.
    expect(readFileSync(dts, 'utf8')).not.toMatch(/^\s*(import|export)\b.*\bfrom\s*["']|import\(/m);
    // Only the export names are read, so no lib files are loaded (seconds on a busy machine).
    const program = ts.createProgram([dts], { noLib: true, types: [] });
    const source = program.getSourceFile(dts);
    const checker = program.getTypeChecker();
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    const names = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).map((s) => s.name) : [];
    expect(names.sort()).toEqual([
      'Citation',
      'Escalation',
      'WagechatError',
      'WagechatErrorCode',
      'WagechatEventMap',
      'WagechatEventName',
      'WagechatHandle',
      'WagechatListener',
      'WagechatOptions',
      'WagechatPosition',
      'mount',
    ]);
  });

  it.each(['bundler', 'node16'])(
    'type-checks a consumer with moduleResolution %s',
    (resolution) => {
      writeFileSync(join(app, 'consumer.ts'), consumerSource);
      // One misuse left unmarked must fail, so the checks in consumer.ts are real.
      writeFileSync(
        join(app, 'misuse.ts'),
        `${consumerSource}\nchat.on('escalation', (e) => e.nope);\n`,
      );
      const tsconfig = join(app, `tsconfig.${resolution}.json`);
      writeFileSync(
        tsconfig,
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            // Checks our .d.ts too (not the DOM's lib, which costs seconds), and no @types or
            // Preact from anywhere: the package stands alone.
            skipLibCheck: false,
            skipDefaultLibCheck: true,
            types: [],
            target: 'ES2022',
            lib: ['ES2022', 'DOM'],
            module: resolution === 'bundler' ? 'ESNext' : 'Node16',
            moduleResolution: resolution,
          },
          files: ['consumer.ts', 'misuse.ts'],
        }),
      );
      const diagnostics = typeCheck(tsconfig).trim().split('\n');
      expect(diagnostics).toEqual([
        expect.stringMatching(
          /^misuse\.ts\(\d+,\d+\): error TS2339: Property 'nope' does not exist/,
        ),
      ]);
    },
  );

  it('mounts from the installed package and renders the launcher', async () => {
    // Offline: the tenant config and any other request fail, which the widget must absorb.
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    // Resolved as the app would, through the package's `exports`. Under node_modules, so Vitest
    // hands it to Node's own loader: nothing from the workspace can fill a missing import.
    const entry = createRequire(join(app, 'package.json')).resolve('@wagechat/widget');
    expect(entry).toBe(join(installed, 'dist', 'wagechat.mjs'));
    const { mount } = (await import(
      /* @vite-ignore */ pathToFileURL(entry).href
    )) as typeof import('./index');
    const element = document.createElement('div');
    document.body.append(element);
    const chat = mount(element, { tenant: 'demo', api: 'https://chat.example.com' });
    const opened = vi.fn();
    chat.on('open', opened);
    const root = () => element.querySelector('[data-wagechat]')?.shadowRoot;
    await vi.waitFor(() =>
      expect(root()?.querySelector('button[aria-label="Open support chat"]')).not.toBeNull(),
    );
    chat.open();
    await vi.waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    chat.unmount();
    expect(element.querySelector('[data-wagechat]')).toBeNull();
    vi.unstubAllGlobals();
  });
});

// A portal's code: every export used as documented, and misuses the compiler must reject.
const consumerSource = `import { mount } from '@wagechat/widget';
import type {
  Citation, Escalation, WagechatError, WagechatErrorCode, WagechatEventMap, WagechatEventName,
  WagechatHandle, WagechatListener, WagechatOptions, WagechatPosition,
} from '@wagechat/widget';

type Has<T, K extends keyof T> = K;
export type Controls = Has<WagechatHandle, 'open' | 'close' | 'identify' | 'signOut' | 'on' | 'off' | 'unmount'>;
export type Events = Has<WagechatEventMap, 'message' | 'escalation' | 'open' | 'close'>;

const position: WagechatPosition = 'bottom-left';
const options: WagechatOptions = { tenant: 'demo', api: 'https://chat.example.com', position };
const chat: WagechatHandle = mount(document.body, options);
chat.open();
chat.close();
chat.identify('signed-token');
chat.signOut();
const onMessage: WagechatListener<'message'> = (m) => {
  const text: string = m.text;
  console.log(m.role, text.length);
};
chat.on('message', onMessage);
chat.off('message', onMessage);
chat.on('escalation', (e: Escalation) => console.log(e.status, e.ticket_id));
chat.on('error', (e: WagechatError) => {
  const code: WagechatErrorCode = e.code;
  console.log(code);
});
const name: WagechatEventName = 'open';
chat.on(name, () => undefined);
export const cited = (c: Citation): string => \`\${c.title}, p. \${c.page}\`;
chat.unmount();

// @ts-expect-error tenant is required
mount(document.body, { api: 'https://chat.example.com' });
// @ts-expect-error no such event
chat.on('mesage', () => undefined);
// @ts-expect-error a position the widget does not have
export const wrong: WagechatPosition = 'top-left';
// @ts-expect-error identify takes the signed token string
chat.identify({ user: 'x' });
`;
