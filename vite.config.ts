import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

export default defineConfig({
  plugins: [
    preact(),
    crx({
      // package.json is the one place the version is written.
      manifest: { ...manifest, version: packageJson.version },
      contentScripts: {
        // One self-contained file: no loader module and nothing exposed in web_accessible_resources,
        // so pages can neither fetch nor import the content script.
        standaloneFiles: ['src/content/index.ts'],
      },
    }),
  ],
  server: {
    // The extension's pages load modules and the HMR socket from this fixed port during `npm run dev`.
    port: 5173,
    strictPort: true,
    hmr: { port: 5173 },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'chrome116',
    rollupOptions: {
      // Extension pages the manifest does not name (the popup and options page come in through it).
      input: { creator: 'src/creator/index.html' },
    },
  },
});
