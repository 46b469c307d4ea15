import {
  type CelInput,
  CelScalar,
  celEnv,
  celFunc,
  celMap,
  isCelError,
  listType,
  objectType,
  parse,
  plan,
} from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { create } from '@bufbuild/protobuf';
import {
  type Duration,
  DurationSchema,
  type Timestamp,
  TimestampSchema,
  timestampDate,
  timestampFromDate,
} from '@bufbuild/protobuf/wkt';

const TIMESTAMP = objectType(TimestampSchema);
const DURATION = objectType(DurationSchema);
const DAY_MS = 86_400_000;

/** Where an expression failed: 1-based line and column plus the 0-based offset. */
export interface CelPosition {
  offset: number;
  line: number;
  column: number;
}

export class CelCompileError extends Error {
  /** Which field of a test the expression came from (set by the caller). */
  field = 'condition';
  constructor(
    message: string,
    readonly position: CelPosition | null,
  ) {
    super(message);
    this.name = 'CelCompileError';
  }
}

export type CelOutcome = { kind: 'value'; value: unknown } | { kind: 'error'; message: string };

/** Related records a condition can reach through lookup() and resources(), supplied per evaluation. */
export interface CelLookups {
  byExternalId(type: string, externalId: string): Record<string, unknown> | null;
  ofType(type: string): Record<string, unknown>[];
}

// Plain JSON objects and arrays are valid CEL input at runtime (maps and lists); the declared types are narrower.
const asCel = (value: unknown) => value as CelInput;

const noLookups: CelLookups = { byExternalId: () => null, ofType: () => [] };
// Set for the duration of one synchronous evaluation: CEL functions cannot receive context otherwise.
let activeLookups: CelLookups = noLookups;
let activeNow = new Date();
let nowStamp = { ms: Number.NaN, value: timestampFromDate(new Date(0)) };

/** `now` as a CEL timestamp, built once per instant rather than once per evaluation. */
function timestampOf(now: Date) {
  if (nowStamp.ms !== now.getTime()) nowStamp = { ms: now.getTime(), value: timestampFromDate(now) };
  return nowStamp.value;
}

/** A resource already in CEL form: converting once per sweep instead of once per test saves most of the work. */
export type PreparedResource = { readonly prepared: unique symbol };

export function prepareResource(resource: Record<string, unknown>): PreparedResource {
  return celMap(new Map(Object.entries(resource)) as never) as unknown as PreparedResource;
}

const isoMs = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`"${text}" is not a date or date-time`);
  return ms;
};
const tsMs = (value: { message: unknown }) => timestampDate(value.message as Timestamp).getTime();

/** The helpers documented for test authors (docs/monitoring.md lists them with examples). */
const helpers = [
  celFunc(
    'daysSince',
    [CelScalar.STRING],
    CelScalar.DOUBLE,
    (s) => (activeNow.getTime() - isoMs(s)) / DAY_MS,
  ),
  celFunc('daysSince', [TIMESTAMP], CelScalar.DOUBLE, (t) => (activeNow.getTime() - tsMs(t)) / DAY_MS),
  celFunc(
    'daysUntil',
    [CelScalar.STRING],
    CelScalar.DOUBLE,
    (s) => (isoMs(s) - activeNow.getTime()) / DAY_MS,
  ),
  celFunc('daysUntil', [TIMESTAMP], CelScalar.DOUBLE, (t) => (tsMs(t) - activeNow.getTime()) / DAY_MS),
  celFunc('isPast', [CelScalar.STRING], CelScalar.BOOL, (s) => isoMs(s) < activeNow.getTime()),
  celFunc('days', [CelScalar.INT], DURATION, (n) =>
    create(DurationSchema, { seconds: n * 86_400n } satisfies Partial<Duration>),
  ),
  celFunc('lookup', [CelScalar.STRING, CelScalar.STRING], CelScalar.DYN, (type, externalId) =>
    asCel(activeLookups.byExternalId(type, externalId)),
  ),
  celFunc(
    'resources',
    [CelScalar.STRING],
    listType(CelScalar.DYN),
    (type) => asCel(activeLookups.ofType(type)) as CelInput[],
  ),
];

export const HELPER_NAMES = ['now', 'daysSince', 'daysUntil', 'isPast', 'days', 'lookup', 'resources'];

const env = celEnv({
  variables: { resource: CelScalar.DYN, now: TIMESTAMP },
  funcs: [...strings, ...helpers],
});

function positionOf(source: string, offset: number): CelPosition {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { offset, line, column: offset - before.lastIndexOf('\n') };
}

/** Names an expression uses that nothing defines: caught at save time even in branches a probe never runs. */
function unknownNames(expr: Expr, scope: Set<string>, found: Array<{ id: bigint; message: string }>): void {
  const kind = expr.exprKind;
  switch (kind.case) {
    case 'identExpr':
      if (!scope.has(kind.value.name)) {
        found.push({ id: expr.id, message: `unknown name "${kind.value.name}" (use resource, now)` });
      }
      return;
    case 'selectExpr':
      if (kind.value.operand) unknownNames(kind.value.operand, scope, found);
      return;
    case 'callExpr': {
      const name = kind.value.function;
      if (!name.startsWith('_') && !name.startsWith('@') && !env.funcs.find(name)) {
        found.push({ id: expr.id, message: `unknown function "${name}"` });
      }
      if (kind.value.target) unknownNames(kind.value.target, scope, found);
      for (const arg of kind.value.args) unknownNames(arg, scope, found);
      return;
    }
    case 'listExpr':
      for (const element of kind.value.elements) unknownNames(element, scope, found);
      return;
    case 'structExpr':
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') unknownNames(entry.keyKind.value, scope, found);
        if (entry.value) unknownNames(entry.value, scope, found);
      }
      return;
    case 'comprehensionExpr': {
      const c = kind.value;
      if (c.iterRange) unknownNames(c.iterRange, scope, found);
      if (c.accuInit) unknownNames(c.accuInit, scope, found);
      const inner = new Set([...scope, c.iterVar, c.iterVar2, c.accuVar].filter(Boolean));
      for (const part of [c.loopCondition, c.loopStep, c.result]) if (part) unknownNames(part, inner, found);
      return;
    }
    default:
      return;
  }
}

const TYPE_NAMES = ['int', 'uint', 'double', 'bool', 'string', 'bytes', 'list', 'map', 'null_type', 'type'];

export interface CompiledCondition {
  source: string;
  /** Evaluates against one resource; a non-boolean result is reported as an error. */
  evaluate(resource: Record<string, unknown> | PreparedResource, now: Date, lookups?: CelLookups): CelOutcome;
}

/**
 * Parses and checks a condition. Syntax errors, unknown names and — when an example resource is given — type
 * errors the example exposes (wrong operand types, misspelt attributes) throw a CelCompileError with position.
 */
export function compileCondition(source: string, example?: Record<string, unknown>): CompiledCondition {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /:(\d+):(\d+): (.*)$/s.exec(message);
    if (!match) throw new CelCompileError(message, null);
    const line = Number(match[1]);
    const column = Number(match[2]) + 1;
    const offset =
      source
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length +
      (line > 1 ? 1 : 0) +
      column -
      1;
    throw new CelCompileError(match[3] ?? message, { offset, line, column });
  }
  const positions = parsed.sourceInfo?.positions ?? {};
  const at = (id: bigint | undefined) => {
    const offset = id === undefined ? undefined : positions[Number(id)];
    return offset === undefined ? null : positionOf(source, offset);
  };

  const unknown: Array<{ id: bigint; message: string }> = [];
  unknownNames(parsed.expr, new Set(['resource', 'now', ...TYPE_NAMES]), unknown);
  const first = unknown[0];
  if (first) throw new CelCompileError(first.message, at(first.id));

  const program = plan(env, parsed);
  const evaluate = (
    resource: Record<string, unknown> | PreparedResource,
    now: Date,
    lookups = noLookups,
  ): CelOutcome => {
    activeLookups = lookups;
    activeNow = now;
    try {
      const result = program({ resource: asCel(resource), now: timestampOf(now) });
      if (isCelError(result)) {
        const position = at(result.exprId);
        const where = position ? ` (line ${position.line}, column ${position.column})` : '';
        return { kind: 'error', message: `${result.message}${where}` };
      }
      return { kind: 'value', value: result };
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      activeLookups = noLookups;
    }
  };

  if (example) {
    const probe = program({ resource: asCel(example), now: timestampFromDate(new Date()) });
    if (isCelError(probe) && /no matching overload|field not found|unbound|unresolved/.test(probe.message)) {
      throw new CelCompileError(probe.message, at(probe.exprId));
    }
    if (!isCelError(probe) && typeof probe !== 'boolean') {
      throw new CelCompileError(
        `the condition must be true or false, not ${describe(probe)}`,
        at(parsed.expr.id),
      );
    }
  }
  return { source, evaluate };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return 'an int';
  if (typeof value === 'number') return 'a double';
  if (typeof value === 'string') return 'a string';
  return 'a value of another type';
}
