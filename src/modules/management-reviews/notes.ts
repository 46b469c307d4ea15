import { INPUT_SECTION_KEYS } from './inputs/sections.js';

export function readNotes(text: string): Record<string, string> {
  const parsed = JSON.parse(text || '{}') as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Input sections with no note, or only whitespace, in the order of 9.3.2. */
export function missingInputs(notes: Record<string, string>): string[] {
  return INPUT_SECTION_KEYS.filter((key) => !notes[key]?.trim());
}

/** Notes given in an update replace those of the same section; an empty text removes the note. */
export function mergeNotes(stored: string, given: Record<string, string | undefined>): string {
  const notes: Record<string, string | undefined> = { ...readNotes(stored), ...given };
  for (const [key, text] of Object.entries(notes)) if (!text?.trim()) delete notes[key];
  return JSON.stringify(notes);
}
