import { Badge } from '@mantine/core';
import type { components } from '../../api/schema.js';

type Issue = components['schemas']['Issue'];

/** Open or resolved, plus the two warnings worth a glance: overdue and flapping. */
export function IssueStatusBadges({ issue }: { issue: Issue }) {
  return (
    <>
      <Badge color={issue.status === 'open' ? 'blue.8' : 'teal.9'} miw="max-content">
        {issue.status}
      </Badge>
      {issue.overdue && (
        <Badge color="red.9" miw="max-content">
          Overdue
        </Badge>
      )}
      {issue.flapping && (
        <Badge color="grape.8" miw="max-content">
          Flapping
        </Badge>
      )}
    </>
  );
}
