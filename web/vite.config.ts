// Builds the dashboard into dist/web/, which `rampart serve` serves (src/server/web-app.ts). In
// development `vite --config web/vite.config.ts` serves it with hot reload and passes /api/ on to a
// running server (RAMPART_API, default http://127.0.0.1:8080), so the page and the API share an origin
// as they do in production.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { regulationData } from './regulation-data-plugin.js';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), regulationData(fileURLToPath(new URL('../data/regulations/', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('../dist/web/', import.meta.url)),
    emptyOutDir: true,
    // ECharts alone is ~400 kB even with only the charts used registered; the warning would be noise.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': { target: process.env.RAMPART_API ?? 'http://127.0.0.1:8080', changeOrigin: false } },
  },
});
