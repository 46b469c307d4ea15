// Placeholder while the page is being built.
export function ManagementReviewsPage() {
  return null;
}
