import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

const browser = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as never, browser })],
  build: { outDir: `dist/${browser}`, emptyOutDir: true, target: 'es2022', minify: true, sourcemap: false },
  legacy: { skipWebSocketTokenCheck: true },
});
