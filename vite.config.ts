import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repositoryRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.SAMSPIL_API_URL ?? 'http://127.0.0.1:3000';

/**
 * The web app lives in web/ and is built into web/dist, which the server serves (with a
 * fallback to index.html for client-side routes). Tests are configured in vitest.config.ts.
 */
export default defineConfig({
  root: `${repositoryRoot}web`,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: [
      // dkfds only exports its JS entry; its CSS, fonts and icons are reached through this alias.
      { find: /^dkfds-dist\//, replacement: `${repositoryRoot}node_modules/dkfds/dist/` },
    ],
  },
  build: {
    outDir: `${repositoryRoot}web/dist`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
});
