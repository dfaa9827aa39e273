import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds only (Vitest is configured at the repository root).
// `vite build`            -> dist/wagechat.js, one IIFE for the script tag, from src/embed.ts
// `vite build --mode esm` -> dist/wagechat.mjs, the npm ES module, from src/index.ts
// Preact is bundled in both: the script tag has no module system to share it through, and
// the npm build stays one file that works from a plain <script type="module"> import.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    root,
    // @preact/preset-vite needs Node 22; esbuild's automatic JSX runtime is all we use from it.
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Lib mode leaves process.env.NODE_ENV alone; a browser has no `process`.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    publicDir: false,
    build: {
      outDir: 'dist',
      // The IIFE build runs first and clears dist; the ESM build adds beside it.
      emptyOutDir: !esm,
      target: 'es2020',
      minify: 'esbuild',
      sourcemap: false,
      lib: esm
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'wagechat.mjs' }
        : {
            entry: 'src/embed.ts',
            formats: ['iife'],
            name: 'WagechatEmbed',
            fileName: () => 'wagechat.js',
          },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  };
});
