// Vite builds the web page (web/src → web/dist), served by `kaidan serve`. `npm run web:dev` serves it with
// hot reload and sends /api to a `kaidan serve` on port 8787.
import { defineConfig } from "vite";

export default defineConfig({
  root: new URL(".", import.meta.url).pathname,
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // no inline scripts or data: URLs: the page runs under a strict Content-Security-Policy
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    target: "es2022",
  },
  server: { proxy: { "/api": "http://127.0.0.1:8787" } },
});
