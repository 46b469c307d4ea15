import { Badge } from '@mantine/core';
import { LEVEL_COLOURS } from './labels.js';

/** A risk score with its band ("12 · high"), coloured by the band. */
export function ScoreBadge({ score, level }: { score: number | null; level: string | null }) {
  if (score === null) return null;
  return (
    <Badge miw="max-content" color={LEVEL_COLOURS[level ?? ''] ?? 'gray'} variant="filled">
      {level ? `${score} · ${level}` : score}
    </Badge>
  );
}
