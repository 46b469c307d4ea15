import { Modal } from '@mantine/core';
import { api, unwrap } from '../../api/client.js';
import type { FieldConfig } from '../registers/fields.js';
import { RecordForm } from '../registers/RecordForm.js';
import type { PlanItem } from './objective-fields.js';

const FIELDS: FieldConfig[] = [
  {
    name: 'notes',
    label: 'What the analysis found',
    type: 'textarea',
    required: true,
    wide: true,
    description: 'Trends, whether targets are met, and any action decided.',
  },
];

/** Records that a plan item's results were analysed and evaluated, and what was concluded. */
export function AnalysisModal({ item, onClose }: { item: PlanItem | null; onClose: () => void }) {
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item ? `Record analysis: ${item.subject}` : ''}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {item && (
        <RecordForm
          autoFocus
          fields={FIELDS}
          label="Record analysis"
          save={async (body) =>
            unwrap(
              await api.POST('/api/monitoring-plan/{id}/analysis', {
                params: { path: { id: item.id } },
                body: body as { notes: string },
              }),
            )
          }
          invalidate={[['monitoring-plan']]}
          savedMessage="Analysis recorded"
          submitLabel="Record analysis"
          onCancel={onClose}
          onSaved={onClose}
        />
      )}
    </Modal>
  );
}
