import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // `npm run dev -w web` talks to a local `openaims serve`.
  server: { proxy: { '/api': 'http://127.0.0.1:4280' } },
});
