import { createTwoFilesPatch, diffLines } from 'diff';

export interface TextDiff {
  added: number;
  removed: number;
  lines: Array<{ kind: 'added' | 'removed' | 'same'; text: string }>;
  unified: string;
}

/** A line-by-line comparison of two texts (jsdiff), as lines to show and as a unified diff to download. */
export function diffTexts(before: string, after: string, labels: [string, string]): TextDiff {
  const lines: TextDiff['lines'] = [];
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const texts = part.value.replace(/\n$/, '').split('\n');
    if (kind === 'added') added += texts.length;
    if (kind === 'removed') removed += texts.length;
    for (const text of texts) lines.push({ kind, text });
  }
  return { added, removed, lines, unified: createTwoFilesPatch(labels[0], labels[1], before, after) };
}
