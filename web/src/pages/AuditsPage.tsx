// Placeholder while the page is being built.
export function AuditsPage() {
  return null;
}
