// The condition grammar, by precedence from loosest to tightest: or, and, not, `x of`, parentheses.
// `x of pattern` and `x of them` are resolved here against the rule's search identifiers, so the
// compiler only sees references to identifiers that exist.
import type { ConditionExpr } from './rule-types.js';
import { RuleProblem } from './rule-problem.js';

interface Token {
  readonly text: string;
  readonly kind: 'word' | 'open' | 'close';
  /** 0-based position in the condition string. */
  readonly position: number;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'of', 'them', 'all']);

/** Deeper nesting than any real rule needs; beyond it a hostile condition would exhaust the stack. */
const MAX_DEPTH = 1000;

function tokenize(condition: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|([A-Za-z0-9_*.-]+)|(\S))/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < condition.length && (match = pattern.exec(condition)) !== null) {
    const position = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').length;
    if (match[1]) tokens.push({ text: '(', kind: 'open', position });
    else if (match[2]) tokens.push({ text: ')', kind: 'close', position });
    else if (match[3]) tokens.push({ text: match[3], kind: 'word', position });
    else if (match[4]) throw new ConditionSyntaxError(`unexpected character '${match[4]}'`, position);
    else break;
  }
  return tokens;
}

/** A syntax problem in a condition, at a 0-based position in the condition string. */
export class ConditionSyntaxError extends RuleProblem {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super('SIGMA_CONDITION_SYNTAX', `condition: ${message} at column ${position + 1}`);
  }
}

export function parseCondition(condition: string, identifiers: readonly string[]): ConditionExpr {
  const tokens = tokenize(condition);
  let index = 0;
  const peek = (): Token | undefined => tokens[index];
  const isKeyword = (token: Token | undefined, keyword: string): boolean => token?.kind === 'word' && token.text.toLowerCase() === keyword;
  const endPosition = condition.length;

  const parseOr = (): ConditionExpr => {
    const items = [parseAnd()];
    while (isKeyword(peek(), 'or')) {
      index++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { kind: 'or', items };
  };
  const parseAnd = (): ConditionExpr => {
    const items = [parseNot()];
    while (isKeyword(peek(), 'and')) {
      index++;
      items.push(parseNot());
    }
    return items.length === 1 ? items[0] : { kind: 'and', items };
  };
  let depth = 0;
  const descend = (token: Token | undefined): void => {
    if (++depth > MAX_DEPTH) throw new ConditionSyntaxError(`nested more than ${MAX_DEPTH} levels deep`, token?.position ?? endPosition);
  };
  const parseNot = (): ConditionExpr => {
    if (isKeyword(peek(), 'not')) {
      descend(peek());
      index++;
      const expr: ConditionExpr = { kind: 'not', expr: parseNot() };
      depth--;
      return expr;
    }
    return parsePrimary();
  };
  const parsePrimary = (): ConditionExpr => {
    const token = peek();
    if (!token) throw new ConditionSyntaxError('expression expected but the condition ended', endPosition);
    if (token.kind === 'open') {
      descend(token);
      index++;
      const inner = parseOr();
      depth--;
      const close = peek();
      if (close?.kind !== 'close') throw new ConditionSyntaxError("')' expected", close?.position ?? endPosition);
      index++;
      return inner;
    }
    if (token.kind === 'close') throw new ConditionSyntaxError("unexpected ')'", token.position);
    const next = tokens[index + 1];
    if (isKeyword(next, 'of')) return parseOf(token);
    if (KEYWORDS.has(token.text.toLowerCase())) throw new ConditionSyntaxError(`unexpected '${token.text}'`, token.position);
    index++;
    if (token.text.includes('*')) throw new ConditionSyntaxError(`wildcard '${token.text}' is only allowed after 'x of'`, token.position);
    if (!identifiers.includes(token.text)) throw new RuleProblem('SIGMA_UNDEFINED_IDENTIFIER', `condition refers to '${token.text}', which the detection does not define`);
    return { kind: 'ref', name: token.text };
  };
  const parseOf = (quantifierToken: Token): ConditionExpr => {
    const quantifierText = quantifierToken.text.toLowerCase();
    let quantifier: 'all' | number;
    if (quantifierText === 'all') quantifier = 'all';
    else if (/^[1-9]\d*$/.test(quantifierText)) quantifier = Number(quantifierText);
    else throw new ConditionSyntaxError(`'${quantifierToken.text} of': expected '1 of' or 'all of'`, quantifierToken.position);
    index += 2;
    const target = peek();
    if (!target || target.kind !== 'word') throw new ConditionSyntaxError("'them' or an identifier pattern expected after 'of'", target?.position ?? endPosition);
    index++;
    const names = resolveOfTarget(target, identifiers);
    return { kind: 'of', quantifier, names };
  };

  const expr = parseOr();
  const rest = peek();
  if (rest) throw new ConditionSyntaxError(`unexpected '${rest.text}'`, rest.position);
  return expr;
}

function resolveOfTarget(target: Token, identifiers: readonly string[]): string[] {
  if (target.text.toLowerCase() === 'them') {
    const names = identifiers.filter((name) => !name.startsWith('_'));
    if (names.length === 0) throw new RuleProblem('SIGMA_UNDEFINED_IDENTIFIER', "'of them' but the detection defines no search identifier");
    return names;
  }
  const source = target.text.replace(/[.-]/g, '\\$&').replace(/\*/g, '.*');
  const pattern = new RegExp(`^${source}$`);
  const explicitUnderscore = target.text.startsWith('_');
  const names = identifiers.filter((name) => pattern.test(name) && (explicitUnderscore || !name.startsWith('_')));
  if (names.length === 0) throw new RuleProblem('SIGMA_UNDEFINED_IDENTIFIER', `condition pattern '${target.text}' matches no search identifier`);
  return names;
}
