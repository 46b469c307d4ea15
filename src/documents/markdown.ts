import { marked, type Token, type Tokens } from 'marked';

/** A stretch of text with one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
  link?: string;
}

export type Block =
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  | { type: 'quote'; runs: Run[] }
  | { type: 'code'; text: string }
  | { type: 'table'; head: Run[][]; rows: Run[][][] };

function runs(tokens: Token[] | undefined, style: Omit<Run, 'text'> = {}): Run[] {
  const out: Run[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        out.push(...runs((token as Tokens.Strong).tokens, { ...style, bold: true }));
        break;
      case 'em':
        out.push(...runs((token as Tokens.Em).tokens, { ...style, italics: true }));
        break;
      case 'codespan':
        out.push({ ...style, text: (token as Tokens.Codespan).text, code: true });
        break;
      case 'link':
        out.push(...runs((token as Tokens.Link).tokens, { ...style, link: (token as Tokens.Link).href }));
        break;
      case 'br':
        out.push({ ...style, text: '\n' });
        break;
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested?.length) out.push(...runs(nested, style));
        else out.push({ ...style, text: decode((token as { text?: string }).text ?? token.raw) });
      }
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

/**
 * Markdown as blocks a document renderer can lay out. Raw HTML is kept as plain text, never interpreted,
 * so an exported document shows exactly what the author typed.
 */
export function markdownBlocks(markdown: string, headingOffset = 0): Block[] {
  const blocks: Block[] = [];
  for (const token of marked.lexer(markdown)) {
    switch (token.type) {
      case 'heading': {
        const h = token as Tokens.Heading;
        blocks.push({ type: 'heading', level: Math.min(6, h.depth + headingOffset), runs: runs(h.tokens) });
        break;
      }
      case 'paragraph':
        blocks.push({ type: 'paragraph', runs: runs((token as Tokens.Paragraph).tokens) });
        break;
      case 'list': {
        const list = token as Tokens.List;
        blocks.push({
          type: 'list',
          ordered: list.ordered,
          items: list.items.map((item) => runs(item.tokens)),
        });
        break;
      }
      case 'blockquote':
        blocks.push({ type: 'quote', runs: runs((token as Tokens.Blockquote).tokens) });
        break;
      case 'code':
        blocks.push({ type: 'code', text: (token as Tokens.Code).text });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        blocks.push({
          type: 'table',
          head: table.header.map((cell) => runs(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => runs(cell.tokens))),
        });
        break;
      }
      case 'html':
        blocks.push({ type: 'paragraph', runs: [{ text: token.raw.trim() }] });
        break;
      default:
        break; // spaces and rules carry no content
    }
  }
  return blocks;
}
