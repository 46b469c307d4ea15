import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on narrow screens. Native scrolling with a tab stop, so keyboard users can
 * scroll a table that has no links or buttons of its own.
 */
export function ScrollTable({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  label: string;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} aria-label={label} role="region">
      <Table aria-label={label}>{children}</Table>
    </Table.ScrollContainer>
  );
}
