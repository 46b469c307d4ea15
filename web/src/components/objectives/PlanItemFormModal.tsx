import { api, unwrap } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { RecordFormModal } from '../registers/RecordFormModal.js';
import { type PlanItem, planFields } from './objective-fields.js';
import { useLinkOptions } from './useOptions.js';

type Create = paths['/api/monitoring-plan']['post']['requestBody']['content']['application/json'];
type Update = NonNullable<
  paths['/api/monitoring-plan/{id}']['patch']['requestBody']
>['content']['application/json'];

/** Adds or edits a line of the monitoring and measurement plan. */
export function PlanItemFormModal({
  item,
  opened,
  onClose,
}: {
  item: PlanItem | null;
  opened: boolean;
  onClose: () => void;
}) {
  const options = useLinkOptions(opened);
  return (
    <RecordFormModal
      key={item?.id ?? 'new'}
      title={item ? 'Edit plan item' : 'New plan item'}
      opened={opened}
      onClose={onClose}
      fields={planFields(options)}
      record={item}
      defaults={{ frequency: 'monthly', requirementRefs: ['9.1'] }}
      save={async (body) =>
        item
          ? unwrap(
              await api.PATCH('/api/monitoring-plan/{id}', {
                params: { path: { id: item.id } },
                body: body as Update,
              }),
            )
          : unwrap(await api.POST('/api/monitoring-plan', { body: body as Create }))
      }
      invalidate={[['monitoring-plan']]}
      savedMessage="Plan item saved"
      submitLabel={item ? 'Save' : 'Add to plan'}
    />
  );
}
