import { Button, type ButtonProps, Group, Modal, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { CLOSE } from './CloseLabel.js';

interface ConfirmButtonProps extends ButtonProps {
  /** The button's text, and the confirming button's too. */
  children: ReactNode;
  title: string;
  message: ReactNode;
  loading?: boolean;
  onConfirm: () => void;
  'aria-label'?: string;
}

/** A destructive action behind a confirmation dialog (revoke, deactivate, delete). */
export function ConfirmButton({
  title,
  message,
  onConfirm,
  loading,
  children,
  ...button
}: ConfirmButtonProps) {
  const [opened, { open, close }] = useDisclosure();
  const isMobile = useMediaQuery('(max-width: 48em)');
  return (
    <>
      <Button color="red" variant="outline" size="xs" {...button} onClick={open}>
        {children}
      </Button>
      <Modal closeButtonProps={CLOSE} opened={opened} onClose={close} title={title} fullScreen={isMobile}>
        <Text mb="md">{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={loading}
            onClick={() => {
              onConfirm();
              close();
            }}
          >
            {children}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
