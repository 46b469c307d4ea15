import { Alert, List, Text } from '@mantine/core';
import type { IndependenceWarning } from './audit-fields.js';

/** Auditors who own controls in the audit's scope (9.2: auditors must be objective). */
export function IndependenceWarnings({
  warnings,
  justification,
}: {
  warnings: IndependenceWarning[];
  justification?: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="Independence: auditors own controls in scope">
      <List size="sm">
        {warnings.map((w) => (
          <List.Item key={w.personId}>
            {w.personName} owns {w.controls.map((c) => c.name).join(', ')}
          </List.Item>
        ))}
      </List>
      {justification === undefined ? (
        <Text size="sm" mt="xs">
          Explain in the justification how the audit stays objective, e.g. who audits those requirements.
        </Text>
      ) : (
        <Text size="sm" mt="xs">
          <strong>Justification:</strong> {justification}
        </Text>
      )}
    </Alert>
  );
}
