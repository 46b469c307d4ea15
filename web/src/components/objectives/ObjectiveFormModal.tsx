import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { type Objective, objectiveFields, withNumbers } from './objective-fields.js';
import { useLinkOptions } from './useOptions.js';

type Create = paths['/api/objectives']['post']['requestBody']['content']['application/json'];
type Update = NonNullable<
  paths['/api/objectives/{id}']['patch']['requestBody']
>['content']['application/json'];

const DEFAULTS = {
  direction: 'at_least',
  source: 'manual',
  frequency: 'monthly',
  status: 'active',
  unit: '%',
};

/** Creates or edits an objective; the source settings follow the chosen source. */
export function ObjectiveFormModal({
  objective,
  opened,
  onClose,
  onSaved,
}: {
  objective: Objective | null;
  opened: boolean;
  onClose: () => void;
  onSaved?: (saved: Objective) => void;
}) {
  const [source, setSource] = useState<string>(objective?.source ?? 'manual');
  const options = useLinkOptions(opened);
  return (
    <RecordFormModal
      key={objective?.id ?? 'new'}
      title={objective ? 'Edit objective' : 'New objective'}
      opened={opened}
      onClose={onClose}
      fields={objectiveFields(source, options)}
      record={objective}
      defaults={DEFAULTS}
      onValuesChange={(values) => setSource(String(values.source ?? 'manual'))}
      body={(_values, changed) => withNumbers(changed, ['target', 'baseline'])}
      save={async (body) =>
        objective
          ? unwrap(
              await api.PATCH('/api/objectives/{id}', {
                params: { path: { id: objective.id } },
                body: body as Update,
              }),
            )
          : unwrap(await api.POST('/api/objectives', { body: body as Create }))
      }
      invalidate={[['objectives']]}
      savedMessage="Objective saved"
      submitLabel={objective ? 'Save' : 'Create objective'}
      onSaved={onSaved}
    />
  );
}
