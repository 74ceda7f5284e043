import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifest-for.ts';

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifestFor(manifest, target) as never, browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // Pages the manifest does not name but the extension opens itself.
    rollupOptions: { input: { offscreen: 'offscreen/index.html', privacy: 'privacy/index.html', audit: 'audit/index.html' } },
  },
  legacy: { skipWebSocketTokenCheck: true },
});
