import { Alert, Progress, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { Dropzone } from '@mantine/dropzone';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { components } from '../../api/schema.js';
import { showSaved } from '../../hooks/useApiForm.js';
import { MUTED } from '../controls/colours.js';
import { invalidateEvidence } from './invalidate.js';
import { uploadEvidenceFile } from './upload.js';

type Evidence = components['schemas']['Evidence'];

/** Drag-and-drop (or click-to-choose) upload of a file item's next version, with a progress bar. */
export function UploadVersion({ evidence }: { evidence: Evidence }) {
  const client = useQueryClient();
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) =>
      uploadEvidenceFile(evidence.id, file, validUntil ? { validUntil } : {}, setProgress),
    onMutate: () => {
      setError(null);
      setProgress(0);
    },
    onSuccess: async (result) => {
      setValidUntil(null);
      showSaved(`Version ${result.latestVersion} uploaded.`);
      await invalidateEvidence(client);
    },
    onError: (e) => setError(e.message),
    onSettled: () => setProgress(null),
  });

  return (
    <Stack gap="xs">
      <DateInput
        label="Valid until (this version)"
        placeholder={evidence.validUntil ? `Keep ${evidence.validUntil}` : 'No expiry'}
        value={validUntil}
        onChange={setValidUntil}
        valueFormat="YYYY-MM-DD"
        clearable
        maw={280}
      />
      <Dropzone
        onDrop={(files) => {
          const file = files[0];
          if (file) upload.mutate(file);
        }}
        multiple={false}
        loading={upload.isPending}
        name="file"
        inputProps={{ 'aria-label': 'Upload a new version' }}
      >
        <Stack align="center" justify="center" gap={4} mih={90} style={{ pointerEvents: 'none' }}>
          <Text>Drag a file here, or click to choose one</Text>
          <Text size="sm" c={MUTED}>
            It becomes version {evidence.latestVersion + 1}
          </Text>
        </Stack>
      </Dropzone>
      {progress !== null && (
        <Progress.Root size="lg">
          <Progress.Section value={progress} aria-label="Upload progress" animated striped>
            <Progress.Label>{progress}%</Progress.Label>
          </Progress.Section>
        </Progress.Root>
      )}
      {error && (
        <Alert color="red" title="Upload failed">
          {error}
        </Alert>
      )}
    </Stack>
  );
}
