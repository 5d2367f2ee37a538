// Builds the browser page (src/web/) into one self-contained static folder, dist/web/: every
// script, style and font bundled, relative paths (any static host, any sub-path), no requests
// to anything but the folder itself. `npm run build:web`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./src/web'),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  resolve: {
    // The scenario fingerprint (src/scenario/scenario-hash.ts) hashes with node:crypto; the page
    // runs the same code on a pure SHA-256 with the same calling shape.
    alias: {
      'node:crypto': here('./src/web/shims/node-crypto.ts'),
      'node:fs/promises': here('./src/web/shims/node-fs-promises.ts'),
    },
  },
  worker: { format: 'es' },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    modulePreload: { polyfill: false },
    // One script: nothing is fetched after the page has loaded (vega's lazy imports included).
    rolldownOptions: { output: { codeSplitting: false } },
  },
});
