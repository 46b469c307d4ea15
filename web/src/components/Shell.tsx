import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { api, unwrap } from '../api/client.js';
import { usePermissions } from '../hooks/usePermissions.js';
import { canOpen, NAV_GROUPS, PAGES } from '../pages/registry.js';
import { type SessionUser, useSignOut } from '../session.js';

export function Shell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const signOut = useSignOut();
  const permissions = usePermissions();
  const frameworks = useQuery({
    queryKey: ['frameworks'],
    queryFn: async () => unwrap(await api.GET('/api/frameworks')),
    enabled: permissions.canRead,
  });
  const inScope = frameworks.data?.items.filter((f) => f.inScope) ?? [];
  const link = (to: string, label: string) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      active={location.pathname === to}
      onClick={close}
    />
  );
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={4}>OpenAIMS</Title>
          </Group>
          <Group>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {user.email} · {user.role}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main navigation" style={{ overflowY: 'auto' }}>
        {NAV_GROUPS.map((group) => {
          const pages = PAGES.filter((p) => p.nav?.group === group && canOpen(p, permissions));
          const frameworkLinks =
            group === 'Compliance' ? inScope.map((f) => link(`/frameworks/${f.id}`, f.shortName)) : [];
          if (pages.length === 0 && frameworkLinks.length === 0) return null;
          return (
            <div key={group}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase" px="sm" pt="sm" pb={4}>
                {group}
              </Text>
              {frameworkLinks}
              {pages.map((p) => link(p.path, p.nav?.label ?? p.path))}
            </div>
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
