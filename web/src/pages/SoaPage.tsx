import { Alert, Button, Group, Loader, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { PRIMARY } from '../components/controls/colours.js';
import { ApproveSoaModal } from '../components/soa/ApproveSoaModal.js';
import { SoaDiff } from '../components/soa/SoaDiff.js';
import { SoaDraft } from '../components/soa/SoaDraft.js';
import { SoaVersions } from '../components/soa/SoaVersions.js';
import { SOA_FRAMEWORKS, type SoaFrameworkId } from '../components/soa/types.js';
import { usePermissions } from '../hooks/usePermissions.js';

/**
 * The Statement of Applicability of each in-scope ISO management-system standard: the draft decided row by
 * row, approved versions with exports, and a diff. Framework, tab and compared versions live in the URL.
 */
export function SoaPage() {
  const { canConfigure } = usePermissions();
  const [params, setParams] = useSearchParams();
  const [approving, setApproving] = useState(false);
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: async () => unwrap(await api.GET('/api/frameworks')),
  });
  const available = SOA_FRAMEWORKS.flatMap((id) =>
    (frameworks.data?.items ?? []).filter((f) => f.id === id && f.inScope),
  );
  const requested = params.get('framework');
  const frameworkId = (available.find((f) => f.id === requested) ?? available[0])?.id as
    | SoaFrameworkId
    | undefined;
  const tab = params.get('tab') ?? 'draft';
  const from = params.get('from');

  const update = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else if (value === null) next.delete(key);
    }
    setParams(next, { replace: true });
  };

  if (frameworks.isPending) return <Loader aria-label="Loading frameworks" />;
  if (frameworks.error) return <Alert color="red">{frameworks.error.message}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Statement of Applicability</Title>
        {canConfigure && frameworkId && (
          <Button color={PRIMARY} onClick={() => setApproving(true)}>
            Approve version
          </Button>
        )}
      </Group>
      {!frameworkId && (
        <Text>Put ISO/IEC 42001 or ISO/IEC 27001 in scope to keep a Statement of Applicability.</Text>
      )}
      {frameworkId && (
        <>
          {available.length > 1 && (
            <SegmentedControl
              aria-label="Framework"
              w="fit-content"
              data={available.map((f) => ({ value: f.id, label: f.shortName }))}
              value={frameworkId}
              onChange={(value) => update({ framework: value, from: null, to: null })}
            />
          )}
          <Tabs value={tab} onChange={(value) => update({ tab: value })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="draft">Draft</Tabs.Tab>
              <Tabs.Tab value="versions">Versions</Tabs.Tab>
              <Tabs.Tab value="compare">Compare</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="draft" pt="md">
              <SoaDraft frameworkId={frameworkId} editable={canConfigure} />
            </Tabs.Panel>
            <Tabs.Panel value="versions" pt="md">
              <SoaVersions
                frameworkId={frameworkId}
                onCompare={(version) => update({ tab: 'compare', from: String(version), to: 'draft' })}
              />
            </Tabs.Panel>
            <Tabs.Panel value="compare" pt="md">
              <SoaDiff
                frameworkId={frameworkId}
                from={from ? Number(from) : null}
                to={params.get('to') ?? 'draft'}
                onChange={update}
              />
            </Tabs.Panel>
          </Tabs>
          <ApproveSoaModal frameworkId={frameworkId} opened={approving} onClose={() => setApproving(false)} />
        </>
      )}
    </Stack>
  );
}
