// Placeholder while the page is being built.
export function MonitoringPlanPage() {
  return null;
}
