// Placeholder while the page is being built.
export function NonconformitiesPage() {
  return null;
}
