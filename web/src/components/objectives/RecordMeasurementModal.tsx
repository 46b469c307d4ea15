import { Modal } from '@mantine/core';
import { api, unwrap } from '../../api/client.js';
import type { FieldConfig } from '../registers/fields.js';
import { RecordForm } from '../registers/RecordForm.js';
import { type Objective, withNumbers } from './objective-fields.js';

/** The value's label names the unit, so nobody types 0.9 where 90 % is meant. */
const fieldsFor = (unit: string): FieldConfig[] => [
  { name: 'value', label: unit ? `Value (${unit})` : 'Value', type: 'text', required: true },
  {
    name: 'note',
    label: 'Note',
    type: 'textarea',
    wide: true,
    placeholder: 'How it was measured, anything unusual',
  },
];

/** A manual objective's new value, taken now. */
export function RecordMeasurementModal({
  objective,
  opened,
  onClose,
}: {
  objective: Objective;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Record measurement"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && (
        <RecordForm
          autoFocus
          fields={fieldsFor(objective.unit)}
          label="Record measurement"
          body={(_values, changed) => withNumbers(changed, ['value'])}
          save={async (body) =>
            unwrap(
              await api.POST('/api/objectives/{id}/measurements', {
                params: { path: { id: objective.id } },
                body: body as { value: number; note?: string },
              }),
            )
          }
          invalidate={[['objectives']]}
          savedMessage={`Measurement of “${objective.title}” recorded`}
          submitLabel="Record"
          onCancel={onClose}
          onSaved={onClose}
        />
      )}
    </Modal>
  );
}
