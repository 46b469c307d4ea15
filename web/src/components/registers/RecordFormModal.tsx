import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { RecordForm, type RecordFormProps } from './RecordForm.js';

/** A register's create or edit form in a modal (full screen on phones), closed after a successful save. */
export function RecordFormModal<Saved>({
  title,
  opened,
  onClose,
  ...form
}: { title: string; opened: boolean; onClose: () => void } & Omit<RecordFormProps<Saved>, 'onCancel'>) {
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      fullScreen={isMobile}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && (
        <RecordForm
          autoFocus
          {...form}
          onCancel={onClose}
          onSaved={(saved) => {
            form.onSaved?.(saved);
            onClose();
          }}
        />
      )}
    </Modal>
  );
}
