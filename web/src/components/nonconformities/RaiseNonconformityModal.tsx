import { api, unwrap } from '../../api/client.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { NC_FIELDS, type Nonconformity } from './nc-fields.js';

/** "Raise nonconformity" by hand; those from audits, tests or incidents are raised from their source. */
export function RaiseNonconformityModal({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (nc: Nonconformity) => void;
}) {
  return (
    <RecordFormModal
      title="Raise a nonconformity"
      opened={opened}
      onClose={onClose}
      fields={NC_FIELDS}
      defaults={{ grade: 'minor' }}
      body={(_values, changed) => ({ ...changed, source: 'manual' })}
      save={async (body) => unwrap(await api.POST('/api/nonconformities', { body: body as never }))}
      onSaved={onSaved}
      invalidate={[['nonconformities'], ['corrective-action-plan']]}
      savedMessage="Nonconformity raised"
      submitLabel="Raise nonconformity"
    />
  );
}
