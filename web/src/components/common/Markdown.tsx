import { Anchor, Blockquote, Code, List, Table, Text, Title, TypographyStylesProvider } from '@mantine/core';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * Markdown written in the application (scope statements, policies, course material), rendered with the
 * theme's typography. Raw HTML in the source is shown as text, never run; headings start one level below
 * the page's own so the outline stays correct.
 */
const COMPONENTS: Components = {
  h1: ({ children }) => <Title order={3}>{children}</Title>,
  h2: ({ children }) => <Title order={4}>{children}</Title>,
  h3: ({ children }) => <Title order={5}>{children}</Title>,
  h4: ({ children }) => <Title order={6}>{children}</Title>,
  p: ({ children }) => <Text my="xs">{children}</Text>,
  a: ({ children, href }) => (
    <Anchor href={href} target="_blank" rel="noreferrer">
      {children}
    </Anchor>
  ),
  ul: ({ children }) => <List my="xs">{children}</List>,
  ol: ({ children }) => (
    <List type="ordered" my="xs">
      {children}
    </List>
  ),
  li: ({ children }) => <List.Item>{children}</List.Item>,
  blockquote: ({ children }) => <Blockquote my="xs">{children}</Blockquote>,
  code: ({ children }) => <Code>{children}</Code>,
  table: ({ children }) => (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder>{children}</Table>
    </Table.ScrollContainer>
  ),
};

export function Markdown({ source, empty = 'None recorded.' }: { source: string; empty?: string }) {
  if (!source.trim()) return <Text c="dimmed">{empty}</Text>;
  return (
    <TypographyStylesProvider p={0}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={COMPONENTS} skipHtml>
        {source}
      </ReactMarkdown>
    </TypographyStylesProvider>
  );
}
