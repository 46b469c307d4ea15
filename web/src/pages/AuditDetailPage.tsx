// Placeholder while the page is being built.
export function AuditDetailPage() {
  return null;
}
