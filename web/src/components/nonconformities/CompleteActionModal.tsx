import { api, unwrap } from '../../api/client.js';
import type { FieldConfig } from '../registers/fields.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import type { CorrectiveAction } from './nc-fields.js';
import { NC_KEYS } from './useNcUpdate.js';

const FIELDS: FieldConfig[] = [
  {
    name: 'completionNotes',
    label: 'What was done',
    type: 'textarea',
    required: true,
    wide: true,
    description: 'Kept with the action as evidence of its completion.',
  },
];

/** Marks an action done; the notes say what was done, and are required. */
export function CompleteActionModal({
  action,
  onClose,
}: {
  action: CorrectiveAction | null;
  onClose: () => void;
}) {
  return (
    <RecordFormModal
      title={action ? `Complete ${action.reference}` : 'Complete action'}
      opened={action !== null}
      onClose={onClose}
      fields={FIELDS}
      record={action}
      body={(values) => ({ status: 'done', completionNotes: values.completionNotes })}
      save={async (body) =>
        unwrap(
          await api.PATCH('/api/corrective-actions/{id}', {
            params: { path: { id: action?.id ?? '' } },
            body: body as never,
          }),
        )
      }
      invalidate={NC_KEYS}
      savedMessage="Action completed"
      submitLabel="Mark done"
    />
  );
}
