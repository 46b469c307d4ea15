import { parse } from '@bufbuild/cel';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { exampleResource } from '../resource-types.js';
import { CelCompileError, compileCondition } from './cel.js';
import type { CompiledTest } from './evaluate.js';

export interface TestSource {
  id: string;
  version: number;
  resourceType: string;
  appliesWhen: string | null;
  condition: string;
}

export interface CompiledTestWithNeeds extends CompiledTest {
  /** Resource types the conditions reach through lookup()/resources(): loaded before evaluation. */
  lookupTypes: string[];
  /** True when results can change without the resource changing (clock, related resources). */
  volatile: boolean;
}

// Results of conditions using these can change while the resource does not: they are always re-evaluated.
const CLOCK_OR_CONTEXT = new Set(['daysSince', 'daysUntil', 'isPast', 'lookup', 'resources']);

/**
 * The literal first arguments of lookup()/resources() calls (anything else cannot be preloaded), and
 * whether the result depends on more than the resource itself (the clock or other resources).
 */
function analyse(source: string): { types: string[]; volatile: boolean } {
  const types = new Set<string>();
  let volatile = false;
  const visit = (expr: Expr | undefined) => {
    if (!expr) return;
    const kind = expr.exprKind;
    if (kind.case === 'identExpr' && kind.value.name === 'now') volatile = true;
    if (kind.case === 'callExpr') {
      const { function: name, args, target } = kind.value;
      if (CLOCK_OR_CONTEXT.has(name)) volatile = true;
      if (name === 'lookup' || name === 'resources') {
        const first = args[0]?.exprKind;
        if (first?.case === 'constExpr' && first.value.constantKind.case === 'stringValue') {
          types.add(first.value.constantKind.value);
        } else {
          throw new CelCompileError(`${name}() needs the resource type as a quoted string`, null);
        }
      }
      visit(target);
      for (const arg of args) visit(arg);
    } else if (kind.case === 'selectExpr') visit(kind.value.operand);
    else if (kind.case === 'listExpr') for (const e of kind.value.elements) visit(e);
    else if (kind.case === 'comprehensionExpr') {
      for (const part of [
        kind.value.iterRange,
        kind.value.accuInit,
        kind.value.loopCondition,
        kind.value.loopStep,
        kind.value.result,
      ])
        visit(part);
    } else if (kind.case === 'structExpr') {
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value);
        visit(entry.value);
      }
    }
  };
  visit(parse(source).expr);
  return { types: [...types], volatile };
}

/** Compiles a test's conditions, checked against its resource type's example. Throws CelCompileError. */
export function compileTest(source: Omit<TestSource, 'id' | 'version'>): CompiledTestWithNeeds {
  const example = exampleResource(source.resourceType);
  const field = (name: 'appliesWhen' | 'condition', text: string) => {
    try {
      return compileCondition(text, example);
    } catch (error) {
      if (error instanceof CelCompileError) error.field = name;
      throw error;
    }
  };
  const appliesWhen = source.appliesWhen ? field('appliesWhen', source.appliesWhen) : null;
  const condition = field('condition', source.condition);
  const parts = [source.condition, ...(source.appliesWhen ? [source.appliesWhen] : [])].map(analyse);
  const lookupTypes = [...new Set(parts.flatMap((p) => p.types))];
  return { appliesWhen, condition, lookupTypes, volatile: parts.some((p) => p.volatile) };
}

const cache = new Map<string, CompiledTestWithNeeds>();

/** Compiled once per test version and process. */
export function compiledFor(test: TestSource): CompiledTestWithNeeds {
  const key = `${test.id}@${test.version}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileTest(test);
    if (cache.size > 5000) cache.clear();
    cache.set(key, compiled);
  }
  return compiled;
}
