// Placeholder while the page is being built.
export function ObjectivesPage() {
  return null;
}
