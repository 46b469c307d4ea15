import { CsvError, type Options, parse } from 'csv-parse/sync';
import { ValidationError } from '../../../lib/errors.js';

export interface CsvRow {
  /** 1-based line in the file where the row starts (a quoted value may span lines). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: CsvRow;
  rows: CsvRow[];
  /** Rows whose number of columns differs from the header's. */
  malformed: Array<{ line: number; message: string }>;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

// `on_skip` exists at runtime (csv-parse 5) but is missing from its type definitions.
type SkipOptions = Options & { on_skip: (error: CsvError | undefined, raw: string | undefined) => void };

/** Splits a CSV file into a header and rows; quoting mistakes refuse the file, since rows after them are unreliable. */
export function readRows(text: string, delimiter?: string): CsvTable {
  // csv-parse miscounts lines when CRLF and bare LF mix, so line endings are made uniform first.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') throw ValidationError.field('file', 'The file is empty.');
  const skipped: Array<{ line: number; found: number }> = [];
  let fatal: string | undefined;
  const options: SkipOptions = {
    delimiter: delimiter ?? detectDelimiter(normalized),
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: false,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      if (error?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
        const record = error.record as string[];
        if (isBlank(record)) return;
        skipped.push({ line: startLine(error.lines, record), found: record.length });
      } else fatal ??= describe(error, raw);
    },
  };
  let records: ParsedRecord[];
  try {
    records = parse(normalized, options) as ParsedRecord[];
  } catch (error) {
    if (error instanceof CsvError) throw ValidationError.field('file', describe(error, undefined));
    throw error;
  }
  if (fatal !== undefined) throw ValidationError.field('file', fatal);
  const [header, ...rows] = records.map(({ record, info }) => ({
    line: startLine(info.lines, record),
    cells: record,
  }));
  if (header === undefined) throw ValidationError.field('file', 'The file is empty.');
  // Spreadsheets export blank rows as ",,,". Filtered here, not with skip_records_with_empty_values: in csv-parse
  // 5.6 that option silently drops the record after a blank row with the wrong number of columns.
  const filled = rows.filter((row) => !isBlank(row.cells));
  const malformed = skipped.map(({ line, found }) => ({
    line,
    message: `The row has ${found} columns where the header has ${header.cells.length}.`,
  }));
  return { header, rows: filled, malformed };
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell === '');

function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.trimStart().split('\n', 1)[0] ?? '';
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** csv-parse reports the line a record ends on; quoted values with newlines put its start earlier. */
function startLine(endLine: number, cells: readonly string[]): number {
  return endLine - cells.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0);
}

function describe(error: CsvError | undefined, raw: string | undefined): string {
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
    // The unclosed value runs to the end of the file; `raw` holds it, so count back to where it opened.
    const spanned =
      (raw ?? '')
        .replace(/^(?:[ \t]*\n)+/, '')
        .replace(/\n$/, '')
        .split('\n').length - 1;
    return `Line ${error.lines - spanned}: a quoted value is never closed (a " is missing).`;
  }
  if (error?.code === 'INVALID_OPENING_QUOTE' || error?.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return `Line ${error.lines}: misplaced quote; put quotes around the whole value and double any quote inside it ("").`;
  }
  return `Line ${error?.lines ?? '?'}: ${error?.message ?? 'unreadable CSV'}`;
}
