import { Alert, Stack, Table, Text } from '@mantine/core';
import { usePermissions } from '../../hooks/usePermissions.js';
import { useSession } from '../../session.js';

const ROLE_SUMMARY: Record<string, string> = {
  admin: 'Everything, including logins and roles.',
  manager: 'Read and change every record, configure the AIMS, manage people and your own API tokens.',
  contributor: 'Read every record, create records and change the ones you own, manage your own API tokens.',
  auditor: 'Read every record and the audit trail; no changes.',
  member: 'Sign in and see your own account; ask an admin for a role with access to the records.',
};

/** Who is signed in and what that role may do: the one tab every role sees. */
export function AccountTab() {
  const session = useSession().data;
  const { role } = usePermissions();
  return (
    <Stack maw={640}>
      <Table variant="vertical" withTableBorder aria-label="Your account">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>Email</Table.Th>
            <Table.Td>{session?.email}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Role</Table.Th>
            <Table.Td>{role}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text>{ROLE_SUMMARY[role]}</Text>
      {role === 'member' && (
        <Alert color="gray" title="Limited access">
          Members see no register, settings or tokens. An admin can change your role under Settings → Users
          and roles.
        </Alert>
      )}
    </Stack>
  );
}
