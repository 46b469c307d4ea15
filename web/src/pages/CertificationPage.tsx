// Placeholder while the page is being built.
export function CertificationPage() {
  return null;
}
