import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readControlLibrary } from '../src/content/controls.js';
import { assessableRefs, frameworkFileSchema, readFrameworks } from '../src/content/frameworks.js';
import { readFrameworkMappings } from '../src/content/mappings.js';
import { readYamlFile } from '../src/content/yaml-file.js';

const frameworks = new Map(readFrameworks().map((f) => [f.data.id, f.data]));
const library = readControlLibrary();
const controls = library.files.flatMap((f) => f.data.controls);
const refsOf = (id: string, kind?: string) =>
  (frameworks.get(id as never)?.requirements ?? []).filter((r) => !kind || r.kind === kind).map((r) => r.ref);

const ANNEX_A_42001 = [
  'A.2.2',
  'A.2.3',
  'A.2.4',
  'A.3.2',
  'A.3.3',
  'A.4.2',
  'A.4.3',
  'A.4.4',
  'A.4.5',
  'A.4.6',
  'A.5.2',
  'A.5.3',
  'A.5.4',
  'A.5.5',
  'A.6.1.2',
  'A.6.1.3',
  'A.6.2.2',
  'A.6.2.3',
  'A.6.2.4',
  'A.6.2.5',
  'A.6.2.6',
  'A.6.2.7',
  'A.6.2.8',
  'A.7.2',
  'A.7.3',
  'A.7.4',
  'A.7.5',
  'A.7.6',
  'A.8.2',
  'A.8.3',
  'A.8.4',
  'A.8.5',
  'A.9.2',
  'A.9.3',
  'A.9.4',
  'A.10.2',
  'A.10.3',
  'A.10.4',
];
const CLAUSES_42001 = [
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3',
  '6.1',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.1.4',
  '6.2',
  '6.3',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5',
  '7.5.1',
  '7.5.2',
  '7.5.3',
  '8.1',
  '8.2',
  '8.3',
  '8.4',
  '9.1',
  '9.2',
  '9.2.1',
  '9.2.2',
  '9.3',
  '9.3.1',
  '9.3.2',
  '9.3.3',
  '10.1',
  '10.2',
];
const EU_REFS = [
  'Art. 4',
  'Art. 5',
  'Art. 6',
  'Annex III',
  'Art. 9',
  'Art. 10',
  'Art. 11',
  'Annex IV',
  'Art. 12',
  'Art. 13',
  'Art. 14',
  'Art. 15',
  'Art. 16',
  'Art. 17',
  'Art. 18',
  'Art. 19',
  'Art. 20',
  'Art. 26',
  'Art. 27',
  'Art. 43',
  'Art. 49',
  'Art. 50',
  'Art. 53',
  'Art. 55',
  'Art. 72',
  'Art. 73',
];

describe('framework catalogues', () => {
  it('holds exactly the 38 Annex A controls of ISO/IEC 42001, with objectives as their own kind', () => {
    expect(refsOf('iso-42001-2023', 'control')).toEqual(ANNEX_A_42001);
    expect(refsOf('iso-42001-2023', 'objective')).toEqual([
      'A.2.1',
      'A.3.1',
      'A.4.1',
      'A.5.1',
      'A.6.1',
      'A.6.2',
      'A.7.1',
      'A.8.1',
      'A.9.1',
      'A.10.1',
    ]);
    expect(refsOf('iso-42001-2023', 'group')).toEqual([
      'A',
      'A.2',
      'A.3',
      'A.4',
      'A.5',
      'A.6',
      'A.7',
      'A.8',
      'A.9',
      'A.10',
    ]);
  });

  it('holds every ISO/IEC 42001 clause', () => {
    expect(refsOf('iso-42001-2023', 'clause')).toEqual(
      expect.arrayContaining(['4', '5', '6', '7', '8', '9', '10', ...CLAUSES_42001]),
    );
  });

  it('holds the 93 ISO/IEC 27001:2022 Annex A controls', () => {
    const annex = refsOf('iso-27001-2022', 'control');
    expect(annex).toHaveLength(93);
    const count = (prefix: string) => annex.filter((r) => r.startsWith(`${prefix}.`)).length;
    expect([count('A.5'), count('A.6'), count('A.7'), count('A.8')]).toEqual([37, 8, 14, 34]);
  });

  it('holds NIST AI RMF’s 4 functions, 19 categories and 72 subcategories', () => {
    expect(refsOf('nist-ai-rmf-1.0', 'function')).toEqual(['GOVERN', 'MAP', 'MEASURE', 'MANAGE']);
    expect(refsOf('nist-ai-rmf-1.0', 'category')).toHaveLength(19);
    expect(refsOf('nist-ai-rmf-1.0', 'subcategory')).toHaveLength(72);
  });

  it('holds the EU AI Act obligations, each with the roles and risk tiers it applies to', () => {
    const articles = (frameworks.get('eu-ai-act-2024')?.requirements ?? []).filter(
      (r) => r.kind === 'article',
    );
    expect(articles.map((a) => a.ref)).toEqual(EU_REFS);
    for (const article of articles) expect(article.appliesTo, article.ref).toBeDefined();
  });

  it('uses own refs only: titles never leak into refs', () => {
    for (const framework of frameworks.values()) {
      for (const requirement of framework.requirements)
        expect(requirement.ref.length, requirement.ref).toBeLessThanOrEqual(12);
    }
  });
});

describe('control library and mappings', () => {
  const has = (framework: string, ref: string) => refsOf(framework).includes(ref);

  it('has at least 60 controls, each mapping only to requirements that exist', () => {
    expect(controls.length).toBeGreaterThanOrEqual(60);
    for (const control of controls) {
      for (const m of control.mappings)
        expect(has(m.framework, m.ref), `${control.id} → ${m.framework} ${m.ref}`).toBe(true);
    }
  });

  it('covers every ISO/IEC 42001 requirement with at least one control', () => {
    const covered = new Set(
      controls.flatMap((c) => c.mappings.filter((m) => m.framework === 'iso-42001-2023').map((m) => m.ref)),
    );
    const framework = frameworks.get('iso-42001-2023');
    if (!framework) throw new Error('ISO 42001 catalogue missing');
    const uncovered = [...assessableRefs(framework)].filter((ref) => !covered.has(ref));
    expect(uncovered).toEqual([]);
  });

  it('maps every NIST subcategory and EU obligation, or says why not', () => {
    const notCovered = library.notCovered?.data.items ?? [];
    for (const [framework, kind] of [
      ['nist-ai-rmf-1.0', 'subcategory'],
      ['eu-ai-act-2024', 'article'],
    ] as const) {
      const mapped = new Set(
        controls.flatMap((c) => c.mappings.filter((m) => m.framework === framework).map((m) => m.ref)),
      );
      const explained = new Set(notCovered.filter((n) => n.framework === framework).map((n) => n.ref));
      for (const ref of refsOf(framework, kind))
        expect(mapped.has(ref) || explained.has(ref), `${framework} ${ref}`).toBe(true);
    }
    for (const item of notCovered) expect(has(item.framework, item.ref), item.ref).toBe(true);
  });

  it('has no dangling ref in any framework-to-framework mapping', () => {
    const files = readFrameworkMappings();
    expect(files.map((f) => `${f.data.from}--${f.data.to}`).sort()).toEqual([
      'iso-42001-2023--eu-ai-act-2024',
      'iso-42001-2023--iso-27001-2022',
      'iso-42001-2023--iso-9001-2015',
      'iso-42001-2023--nist-ai-rmf-1.0',
    ]);
    for (const { data } of files) {
      for (const m of data.mappings) {
        expect(has(data.from, m.from), `${data.from} ${m.from}`).toBe(true);
        expect(has(data.to, m.to), `${data.to} ${m.to}`).toBe(true);
      }
    }
  });

  it('rejects a malformed content file with the file, the path inside it and the reason', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openaims-content-')), 'iso-42001-2023.yaml');
    writeFileSync(
      file,
      'id: iso-42001-2023\nname: X\nshortName: X\npublisher: X\nversion: "1"\ncontentVersion: 1\ndescription: X\nrequirements:\n  - ref: "4"\n    title: T\n    kind: chapter\n    parentRef: null\n    summary: S\n',
    );
    expect(() => readYamlFile(file, frameworkFileSchema)).toThrow(
      new RegExp(`${file}: requirements\\.0\\.kind: `),
    );
    writeFileSync(file, 'id: [unclosed');
    expect(() => readYamlFile(file, frameworkFileSchema)).toThrow(/not valid YAML/);
  });
});
