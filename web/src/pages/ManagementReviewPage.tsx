// Placeholder while the page is being built.
export function ManagementReviewPage() {
  return null;
}
