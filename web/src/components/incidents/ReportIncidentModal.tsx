import { SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { DateTimeInput, fromLocalInput } from './DateTimeInput.js';
import { INCIDENT_FIELDS, type Incident } from './incident-fields.js';

/** The "Report incident" form: what happened, to which systems, and when it was detected. */
export function ReportIncidentModal({
  opened,
  onClose,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (incident: Incident) => void;
}) {
  const [occurredAt, setOccurredAt] = useState('');
  const [detectedAt, setDetectedAt] = useState('');
  return (
    <RecordFormModal
      title="Report an AI incident"
      opened={opened}
      onClose={onClose}
      fields={INCIDENT_FIELDS}
      defaults={{ severity: 'medium', harmType: 'other' }}
      body={(_values, changed) => ({
        ...changed,
        ...(occurredAt ? { occurredAt: fromLocalInput(occurredAt) } : {}),
        ...(detectedAt ? { detectedAt: fromLocalInput(detectedAt) } : {}),
      })}
      save={async (body) => unwrap(await api.POST('/api/incidents', { body: body as never }))}
      onSaved={(saved) => {
        setOccurredAt('');
        setDetectedAt('');
        onSaved(saved);
      }}
      invalidate={[['incidents']]}
      savedMessage="Incident recorded"
      submitLabel="Report incident"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimeInput
          label="Detected at"
          description="When you became aware of it (empty: now). Deadlines count from here."
          value={detectedAt}
          onChange={setDetectedAt}
          past
        />
        <DateTimeInput
          label="Occurred at"
          description="Empty: when it was detected."
          value={occurredAt}
          onChange={setOccurredAt}
          past
        />
      </SimpleGrid>
    </RecordFormModal>
  );
}
