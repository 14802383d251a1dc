import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefoxManifest.ts';

// `vite build` builds for Chromium into dist/; `vite build --mode firefox` builds the same sources for
// Firefox into dist-firefox/ (an event-page background instead of a service worker; see firefoxManifest).
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // package.json is the one place the version is written.
  const manifest = { ...baseManifest, version: packageJson.version };
  return {
    plugins: [
      preact(),
      crx({
        manifest: firefox ? firefoxManifest(manifest) : manifest,
        browser: firefox ? 'firefox' : 'chrome',
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
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: firefox ? 'firefox128' : 'chrome116',
      rollupOptions: {
        // Extension pages the manifest does not name (the popup and options page come in through it).
        input: { creator: 'src/creator/index.html' },
      },
    },
  };
});
