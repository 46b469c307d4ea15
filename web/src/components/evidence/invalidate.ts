import type { QueryClient } from '@tanstack/react-query';

/**
 * Evidence feeds control operation, requirement status, readiness and the SoA: after any evidence change
 * every view derived from it is refetched.
 */
export async function invalidateEvidence(client: QueryClient): Promise<void> {
  await Promise.all(
    [
      'evidence',
      'evidence-item',
      'evidence-versions',
      'controls',
      'control',
      'readiness',
      'readiness-history',
      'requirements',
      'requirement',
      'soa',
    ].map((key) => client.invalidateQueries({ queryKey: [key] })),
  );
}
