/**
 * Text colours that keep WCAG AA contrast (4.5:1) in both schemes; Mantine's default anchor blue and
 * "dimmed" grey fall short of it on white.
 */
export const LINK = 'light-dark(var(--mantine-color-blue-8), var(--mantine-color-blue-3))';
export const MUTED = 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))';
/** Filled buttons: white on Mantine's default blue (shade 6) is 3.6:1; shade 8 is 5:1 in both schemes. */
export const PRIMARY = 'blue.8';
