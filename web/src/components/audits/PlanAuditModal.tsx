import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.js';
import type { FieldConfig, FormValues } from '../registers/fields.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { type Audit, auditFields } from './audit-fields.js';
import { IndependenceWarnings } from './IndependenceWarnings.js';

const JUSTIFICATION: FieldConfig = {
  name: 'independenceJustification',
  label: 'Independence justification',
  type: 'textarea',
  wide: true,
  description: 'Needed when an auditor owns controls mapped to the requirements audited.',
};

/** Plan an audit; the independence check runs as the team and scope are chosen, before saving. */
export function PlanAuditModal({
  opened,
  onClose,
  onSaved,
  programmes,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (audit: Audit) => void;
  programmes: Array<{ value: string; label: string }>;
}) {
  const [values, setValues] = useState<FormValues>({});
  const lead = (values.leadAuditorId as string | null) ?? '';
  const team = (values.teamIds as string[] | undefined) ?? [];
  const refs = (values.requirementRefs as string[] | undefined) ?? [];
  const programmeId = (values.programmeId as string | null) ?? '';
  const check = useQuery({
    queryKey: ['audits', 'independence', lead, team, refs, programmeId],
    enabled: opened && (lead !== '' || team.length > 0),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/audits/independence', {
          params: {
            query: {
              ...(lead ? { leadAuditorId: lead } : {}),
              ...(team.length ? { teamIds: team.join(',') } : {}),
              ...(refs.length ? { requirementRefs: refs.join(',') } : {}),
              ...(programmeId ? { programmeId } : {}),
            } as never,
          },
        }),
      ),
    retry: false,
  });
  return (
    <RecordFormModal
      title="Plan an internal audit"
      opened={opened}
      onClose={onClose}
      fields={[...auditFields(programmes), JUSTIFICATION]}
      defaults={{ programmeId: programmes[0]?.value ?? null }}
      onValuesChange={setValues}
      save={async (body) => unwrap(await api.POST('/api/audits', { body: body as never }))}
      onSaved={onSaved}
      invalidate={[['audits'], ['audit-programmes']]}
      savedMessage="Audit planned"
      submitLabel="Plan audit"
    >
      <IndependenceWarnings warnings={check.data?.warnings ?? []} />
    </RecordFormModal>
  );
}
