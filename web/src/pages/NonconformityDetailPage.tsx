// Placeholder while the page is being built.
export function NonconformityDetailPage() {
  return null;
}
