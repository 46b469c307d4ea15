/** Mantine's modal and drawer close buttons are icons without a name; this gives them one. */
export const CLOSE = { 'aria-label': 'Close' } as const;
