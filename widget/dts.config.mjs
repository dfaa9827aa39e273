import { dts } from 'rollup-plugin-dts';

// Rolls the npm API's declarations into one dist/index.d.ts: consumers see exactly what
// src/index.ts exports, and no internal module paths ship in the package.
// rollup-plugin-dts compiles the .ts sources itself with tsconfig.build.json's options.
export default {
  input: 'src/index.ts',
  output: { file: 'dist/index.d.ts', format: 'es' },
  plugins: [dts({ tsconfig: 'tsconfig.build.json' })],
};
