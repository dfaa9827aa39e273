import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, transformWithEsbuild, type UserConfig } from 'vite';
import { writeBuildManifest } from './scripts/build-manifest';

// Builds only (Vitest is configured at the repository root).
// `vite build`            -> dist/wagechat.js, the script tag's small IIFE loader (src/embed.ts,
//                            no Preact), plus dist/wagechat-app.<hash>.js, the chat as an ES
//                            module the loader import()s on first open or when the page is idle.
//                            Rollup cannot code-split an IIFE, hence the second, nested build.
// `vite build --mode esm` -> dist/wagechat.mjs, the npm ES module, from src/index.ts (one file).
// Both end by writing dist/manifest.json (sizes and SRI hashes of every script).
const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};

const shared = {
  root,
  // @preact/preset-vite needs Node 22; esbuild's JSX transform is all we use from it. Classic
  // `h(type, props, ...children)` calls, not the automatic runtime's `jsx(type, { children })`:
  // the same VNodes from Preact's own createElement, and about 150 B less gzip in the chat chunk.
  // (TypeScript still checks JSX with tsconfig's jsxImportSource.)
  esbuild: {
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    jsxInject: "import { Fragment, h } from 'preact'",
  },
  // Lib mode leaves process.env.NODE_ENV alone; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
} satisfies UserConfig;

// Terser rather than esbuild's minifier: its extra compression passes inline and drop more,
// about 700 B gzip less over the loader and the chat chunk (24.8 -> 24.1 KB, measured 2026-12).
// `module`: the chat chunk and the npm file are ES modules (strict, top level not global).
// ES2022 syntax: class fields stay as written instead of becoming helper calls (120 B gzip).
// The code already needs ES2023 built-ins (toSpliced, findLast), so no browser it runs in lacks it.
const target = 'es2022';
const minify = {
  minify: 'terser',
  terserOptions: { ecma: 2020, module: true, compress: { passes: 2 } },
} satisfies UserConfig['build'];

/**
 * Minifies the CSS template strings of `*styles.ts` files with esbuild's CSS minifier (no CSS
 * loader in the bundle, so nothing else would): comments and whitespace go, colours and values
 * get their shortest form. A template with `${…}` is minified piece by piece; each piece here is
 * a list of whole rules.
 */
function compactCss(): Plugin {
  const minify = async (css: string) =>
    (await transformWithEsbuild(css, 'styles.css', { loader: 'css', minify: true })).code.trim();
  return {
    name: 'wagechat-compact-css',
    async transform(code, id) {
      if (!/styles\.ts$/.test(id)) return null;
      let out = '';
      let last = 0;
      // Only templates assigned to a name: a comment's `code` stays as written.
      for (const match of code.matchAll(/(?<==\s*)`([^`]*)`/g)) {
        const parts = match[1]?.split(/(\$\{[^}]*\})/) ?? [];
        const min = await Promise.all(parts.map((p, i) => (i % 2 ? p : minify(p))));
        out += `${code.slice(last, match.index)}\`${min.join('')}\``;
        last = match.index + match[0].length;
      }
      return out + code.slice(last);
    },
  };
}

/** Builds the chat chunk first and writes its hashed name into the loader. */
function chatChunk(): Plugin {
  let outDir = '';
  let fileName = '';
  return {
    name: 'wagechat-chat-chunk',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async buildStart() {
      const output = await build({
        ...shared,
        configFile: false,
        logLevel: 'warn',
        plugins: [compactCss()],
        build: {
          outDir,
          emptyOutDir: true,
          target,
          ...minify,
          sourcemap: false,
          // No preload helper: a later import() of the chat's own (a feature used by few, such
          // as voice) becomes one more hashed chunk, fetched relative to this one.
          modulePreload: false,
          // An app build, not lib mode: Vite keeps whitespace in ES libraries.
          rollupOptions: {
            input: 'src/shell/app-entry.ts',
            preserveEntrySignatures: 'strict',
            output: {
              entryFileNames: 'wagechat-app.[hash].js',
              chunkFileNames: 'wagechat-[name].[hash].js',
            },
          },
        },
      });
      const chunk = [output]
        .flat()
        .flatMap((o) => ('output' in o ? o.output : []))
        .find((o) => o.type === 'chunk' && o.isEntry);
      if (!chunk) throw new Error('The chat chunk build produced no entry chunk.');
      fileName = chunk.fileName;
    },
    transform(code) {
      return code.includes('__WAGECHAT_APP_CHUNK__')
        ? code.replaceAll('__WAGECHAT_APP_CHUNK__', fileName)
        : null;
    },
  };
}

function manifest(): Plugin {
  let outDir = '';
  return {
    name: 'wagechat-manifest',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const { files } = writeBuildManifest(outDir, version);
      for (const [name, file] of Object.entries(files)) {
        console.log(`${name}  ${file.gzip} B gzip  ${file.integrity}`);
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    ...shared,
    plugins: esm ? [compactCss(), manifest()] : [compactCss(), chatChunk(), manifest()],
    build: {
      outDir: 'dist',
      // The chat chunk build clears dist first; the loader and then the ESM build add beside it.
      emptyOutDir: false,
      target,
      ...minify,
      sourcemap: false,
      // npm: an app build that keeps src/index.ts's exports, not lib mode, which never strips
      // whitespace from ES output (89 -> 64 KB, 27.8 -> 23.8 KB gzip, measured 2026-12).
      lib: esm
        ? false
        : {
            entry: 'src/embed.ts',
            formats: ['iife'],
            name: 'WagechatEmbed',
            fileName: () => 'wagechat.js',
          },
      rollupOptions: esm
        ? {
            input: 'src/index.ts',
            preserveEntrySignatures: 'strict',
            output: { entryFileNames: 'wagechat.mjs', inlineDynamicImports: true },
          }
        : { output: { inlineDynamicImports: true } },
    },
  };
});
