import { ActionIcon, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Nonconformity } from './nc-fields.js';
import { useNcUpdate } from './useNcUpdate.js';

type Why = { question: string; answer: string };
const MAX_WHYS = 5;

/** The five whys as an ordered list of questions and answers, and the root cause they lead to. */
export function RootCauseEditor({ nc, canEdit }: { nc: Nonconformity; canEdit: boolean }) {
  const [whys, setWhys] = useState<Why[]>(nc.rootCauseWhys);
  const [rootCause, setRootCause] = useState(nc.rootCause);
  const save = useNcUpdate(nc.id, 'Root cause saved');
  const set = (index: number, change: Partial<Why>) =>
    setWhys(whys.map((w, i) => (i === index ? { ...w, ...change } : w)));
  if (!canEdit)
    return (
      <Stack gap="xs">
        {nc.rootCauseWhys.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the whys are an ordered list; their position is their identity
          <Text key={`${i}-${w.question}`} size="sm">
            <b>
              {i + 1}. {w.question}
            </b>{' '}
            {w.answer}
          </Text>
        ))}
        <Text size="sm">
          <b>Root cause:</b> {nc.rootCause || '—'}
        </Text>
      </Stack>
    );
  return (
    <Stack gap="xs">
      {whys.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the whys are an ordered list edited in place
        <Group key={i} align="flex-end" wrap="nowrap">
          <TextInput
            label={`Why ${i + 1}`}
            value={w.question}
            onChange={(e) => set(i, { question: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <TextInput
            label={`Answer ${i + 1}`}
            value={w.answer}
            onChange={(e) => set(i, { answer: e.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove why ${i + 1}`}
            onClick={() => setWhys(whys.filter((_, j) => j !== i))}
            mb={4}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          disabled={whys.length >= MAX_WHYS}
          onClick={() =>
            setWhys([...whys, { question: whys.length === 0 ? 'Why did it happen?' : 'Why?', answer: '' }])
          }
        >
          Add a why
        </Button>
      </Group>
      <Textarea
        label="Root cause"
        autosize
        minRows={2}
        value={rootCause}
        onChange={(e) => setRootCause(e.currentTarget.value)}
      />
      <Group>
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() => save.mutate({ rootCauseWhys: whys, rootCause })}
        >
          Save root cause
        </Button>
      </Group>
    </Stack>
  );
}
