import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/dropzone/styles.css';
import '@mantine/notifications/styles.css';
import {
  type CSSVariablesResolver,
  createTheme,
  Drawer,
  MantineProvider,
  Modal,
  Notification,
} from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';

// WCAG AA contrast: darkest primary shade, black or white text picked by luminance, darker dimmed text;
// close buttons get an accessible name.
const close = { closeButtonProps: { 'aria-label': 'Close' } };
const theme = createTheme({
  primaryShade: { light: 9, dark: 9 },
  autoContrast: true,
  luminanceThreshold: 0.179,
  // People who ask their system for less motion get no fades or slides.
  respectReducedMotion: true,
  components: {
    Modal: Modal.extend({ defaultProps: close }),
    Drawer: Drawer.extend({ defaultProps: close }),
    Notification: Notification.extend({
      defaultProps: close,
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
  },
});
// Light variants (badges, alerts, light buttons) write their text in shade 6 by default, too pale on their
// own tinted background in the light scheme: darken it below shade 9.
const contrast: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    ...Object.fromEntries(
      Object.keys(t.colors).map((c) => [
        `--mantine-color-${c}-light-color`,
        `color-mix(in srgb, var(--mantine-color-${c}-9) 65%, black)`,
      ]),
    ),
  },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});

const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: false } } });
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <MantineProvider defaultColorScheme="auto" theme={theme} cssVariablesResolver={contrast}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
