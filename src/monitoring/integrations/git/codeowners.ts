import ignore, { type Ignore } from 'ignore';

/** Where GitHub and GitLab look for the file, in the order GitHub does; the first found is used. */
export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

interface Rule {
  matcher: Ignore;
  hasOwners: boolean;
}

export interface Codeowners {
  /** Rules in file order. */
  rules: Rule[];
}

/**
 * Parses a CODEOWNERS file: one `pattern owner…` rule a line, `#` comments. GitLab `[Section]` headers are
 * skipped. Patterns follow gitignore rules (case-sensitive, as on GitHub), so the `ignore` package matches them.
 */
export function parseCodeowners(text: string): Codeowners {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '' || /^\^?\[.*\]/.test(line)) continue;
    // A backslash escapes a space inside a pattern.
    const [pattern, ...owners] = line.split(/(?<!\\)\s+/);
    if (!pattern) continue;
    rules.push({
      matcher: ignore({ ignorecase: false }).add(pattern),
      hasOwners: owners.length > 0,
    });
  }
  return { rules };
}

/**
 * Whether a repository-relative file has owners: the last rule matching it (or one of its parent directories)
 * decides, and a rule without owners un-owns.
 */
export function isOwned(codeowners: Codeowners, file: string): boolean {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i];
    if (rule?.matcher.ignores(file)) return rule.hasOwners;
  }
  return false;
}
