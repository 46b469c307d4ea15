// Placeholder while the page is being built.
export function CorrectiveActionPlanPage() {
  return null;
}
