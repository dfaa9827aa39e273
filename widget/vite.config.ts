import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';
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
  // @preact/preset-vite needs Node 22; esbuild's automatic JSX runtime is all we use from it.
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // Lib mode leaves process.env.NODE_ENV alone; a browser has no `process`.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
} satisfies UserConfig;

/**
 * Collapses the whitespace in the CSS template strings of `*styles.ts` files (no CSS loader in
 * the bundle, so nothing else minifies them): about 1.5 KB less before gzip. Only whitespace
 * next to `{ } ; , >` or after `:` goes, so selectors like `.a :focus-visible` keep theirs.
 */
function compactCss(): Plugin {
  return {
    name: 'wagechat-compact-css',
    transform(code, id) {
      if (!/styles\.ts$/.test(id)) return null;
      return code.replace(/`[^`]*`/g, (css) =>
        css
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/:\s+/g, ':'),
      );
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
          target: 'es2020',
          minify: 'esbuild',
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
      target: 'es2020',
      minify: 'esbuild',
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
