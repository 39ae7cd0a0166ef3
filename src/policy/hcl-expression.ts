/**
 * Evaluates the literal subset of Terraform expressions that configurations use to build
 * values rules judge: strings and templates, numbers, bools, null, tuples, objects,
 * `var.*`, `local.*`, `data.aws_iam_policy_document.*.json` and a few pure functions
 * (`jsonencode` above all, which cdktf's `Fn.jsonencode` emits). Anything else (resource
 * attributes, operators, conditionals, `for` expressions, unknown functions) is an
 * {@link Unresolved} value carrying its source text, so it stays an expression.
 *
 * Written here rather than taken from @cdktf/hcl2json: its expression parser is
 * asynchronous WebAssembly, and synth-time guardrails run synchronously inside cdktf's
 * validation.
 */

/** A part of a value known only at plan time; `text` is its expression source. */
export class Unresolved {
  constructor(public readonly text: string) {}
}

/** What names in an expression resolve to. Each lookup returns `undefined` when unknown. */
export interface ExpressionScope {
  variable(name: string): unknown;
  local(name: string): unknown;
  /** `data.<type>.<name>.<attribute>` */
  data(type: string, name: string, attribute: string): unknown;
}

class ParseError extends Error {}

const FUNCTIONS: Record<string, (args: unknown[]) => unknown> = {
  jsonencode: ([v]) => JSON.stringify(toPlain(v)),
  tostring: ([v]) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined),
  tonumber: ([v]) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined),
  tobool: ([v]) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined),
  tolist: ([v]) => (Array.isArray(v) ? v : undefined),
  toset: ([v]) => (Array.isArray(v) ? [...new Set(v.map((x) => JSON.stringify(x)))].map((x) => JSON.parse(x)) : undefined),
  concat: (args) => (args.every(Array.isArray) ? (args as unknown[][]).flat() : undefined),
  merge: (args) => (args.every((a) => isPlainObject(a)) ? Object.assign({}, ...args) : undefined),
  lower: ([v]) => (typeof v === 'string' ? v.toLowerCase() : undefined),
  upper: ([v]) => (typeof v === 'string' ? v.toUpperCase() : undefined),
  join: ([sep, v]) => (typeof sep === 'string' && Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(sep) : undefined),
  compact: ([v]) => (Array.isArray(v) ? v.filter((x) => x !== '' && x !== null) : undefined),
  flatten: ([v]) => (Array.isArray(v) ? v.flat(Infinity) : undefined),
  distinct: ([v]) => FUNCTIONS.toset([v]),
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Unresolved);

/** Does the value (deeply) hold an unresolved part? */
export function hasUnresolved(v: unknown): boolean {
  if (v instanceof Unresolved) return true;
  if (Array.isArray(v)) return v.some(hasUnresolved);
  if (isPlainObject(v)) return Object.values(v).some(hasUnresolved);
  return false;
}

/** Back to plain JSON values: unresolved parts become `${...}` strings, which rules read as expressions. */
export function toPlain(v: unknown): unknown {
  if (v instanceof Unresolved) return `\${${v.text}}`;
  if (Array.isArray(v)) return v.map(toPlain);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

/**
 * Evaluate one expression (the text between `${` and `}`). Never throws: whatever cannot be
 * read is Unresolved.
 */
export function evaluateExpression(text: string, scope: ExpressionScope, depth = 0): unknown {
  if (depth > 16) return new Unresolved(text.trim());
  try {
    const p = new Parser(text, scope, depth);
    const value = p.expression();
    p.space();
    if (p.pos !== text.length) return new Unresolved(text.trim());
    return value;
  } catch (err) {
    if (err instanceof ParseError) return new Unresolved(text.trim());
    throw err;
  }
}

/**
 * Resolve a string that may hold `${...}` interpolations: a string that is one whole
 * interpolation takes the value's type; a template joins its parts, keeping unresolved
 * interpolations as they were written.
 */
export function resolveTemplate(s: string, scope: ExpressionScope, depth = 0): unknown {
  const parts = splitTemplate(s);
  if (parts.length === 1 && typeof parts[0] !== 'string') return evaluateExpression(parts[0].expr, scope, depth + 1);
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const v = evaluateExpression(part.expr, scope, depth + 1);
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out += String(v);
    else out += `\${${part.expr}}`;
  }
  return out;
}

/** Split a template into literal text and `${...}` interpolations (braces and quotes balanced; `$${` is a literal). */
export function splitTemplate(s: string): Array<string | { expr: string }> {
  const parts: Array<string | { expr: string }> = [];
  let literal = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '$' && s[i + 2] === '{') {
      literal += '${';
      i += 2;
      continue;
    }
    if (s[i] === '$' && s[i + 1] === '{') {
      const end = closingBrace(s, i + 1);
      if (end < 0) {
        literal += s.slice(i);
        break;
      }
      if (literal) parts.push(literal);
      literal = '';
      parts.push({ expr: s.slice(i + 2, end) });
      i = end;
      continue;
    }
    literal += s[i];
  }
  if (literal || parts.length === 0) parts.push(literal);
  return parts;
}

/** Index of the `}` closing the `{` at `open`, skipping quoted strings; -1 if none. */
function closingBrace(s: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let j = open; j < s.length; j++) {
    const ch = s[j];
    if (quoted) {
      if (ch === '\\') j++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === '{') {
      depth++;
    } else if (ch === '}' && --depth === 0) {
      return j;
    }
  }
  return -1;
}

class Parser {
  public pos = 0;
  constructor(private readonly src: string, private readonly scope: ExpressionScope, private readonly depth: number) {}

  space(): void {
    for (;;) {
      const ch = this.src[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else if (ch === '#' || (ch === '/' && this.src[this.pos + 1] === '/')) while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      else return;
    }
  }

  private peek(): string {
    this.space();
    return this.src[this.pos] ?? '';
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw new ParseError();
    this.pos++;
  }

  expression(): unknown {
    const value = this.primary();
    const end = this.pos;
    const next = this.peek();
    // in an object or tuple, a newline separates items as a comma does
    if (this.src.slice(end, this.pos).includes('\n')) return value;
    // operators, conditionals and the like are beyond a literal: the whole expression is unknown
    if (next && !',)]}:='.includes(next)) throw new ParseError();
    if (next === '=' && this.src[this.pos + 1] === '=') throw new ParseError();
    return value;
  }

  private primary(): unknown {
    const ch = this.peek();
    if (ch === '"') return this.string();
    if (ch === '[') return this.tuple();
    if (ch === '{') return this.object();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    if (/[A-Za-z_]/.test(ch)) return this.nameExpression();
    throw new ParseError();
  }

  private string(): unknown {
    this.expect('"');
    let raw = '';
    while (this.pos < this.src.length && this.src[this.pos] !== '"') {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        const escapes: Record<string, string> = { 'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\' };
        if (next === 'u') {
          raw += String.fromCharCode(parseInt(this.src.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
          continue;
        }
        raw += escapes[next] ?? next;
        this.pos += 2;
        continue;
      }
      if (ch === '$' && this.src[this.pos + 1] === '{') {
        const end = closingBrace(this.src, this.pos + 1);
        if (end < 0) throw new ParseError();
        raw += this.src.slice(this.pos, end + 1);
        this.pos = end + 1;
        continue;
      }
      raw += ch;
      this.pos++;
    }
    this.expect('"');
    return raw.includes('${') ? resolveTemplate(raw, this.scope, this.depth + 1) : raw;
  }

  private number(): number {
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.src.slice(this.pos));
    if (!m) throw new ParseError();
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private tuple(): unknown[] {
    this.expect('[');
    const out: unknown[] = [];
    while (this.peek() !== ']') {
      if (this.src.startsWith('for ', this.pos)) throw new ParseError();
      out.push(this.expression());
      if (this.peek() === ',') this.pos++;
      else if (this.peek() !== ']') throw new ParseError();
    }
    this.pos++;
    return out;
  }

  private object(): Record<string, unknown> {
    this.expect('{');
    const out: Record<string, unknown> = {};
    while (this.peek() !== '}') {
      if (this.src.startsWith('for ', this.pos)) throw new ParseError();
      let key: unknown;
      if (this.peek() === '"') key = this.string();
      else if (this.peek() === '(') throw new ParseError();
      else key = this.identifier();
      if (typeof key !== 'string') throw new ParseError();
      const sep = this.peek();
      if (sep !== '=' && sep !== ':') throw new ParseError();
      this.pos++;
      out[key] = this.expression();
      if (this.peek() === ',') this.pos++;
    }
    this.pos++;
    return out;
  }

  private identifier(): string {
    this.space();
    const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.src.slice(this.pos));
    if (!m) throw new ParseError();
    this.pos += m[0].length;
    return m[0];
  }

  private nameExpression(): unknown {
    const start = this.pos;
    const name = this.identifier();
    if (name === 'true' || name === 'false') return name === 'true';
    if (name === 'null') return null;
    if (this.peek() === '(') return this.call(name, start);
    const path: Array<string | number> = [name];
    for (;;) {
      if (this.src[this.pos] === '.') {
        this.pos++;
        if (this.src[this.pos] === '*') throw new ParseError();
        path.push(this.identifier());
      } else if (this.src[this.pos] === '[') {
        this.pos++;
        const index = this.expression();
        this.expect(']');
        if (typeof index !== 'number' && typeof index !== 'string') return this.unresolvedFrom(start);
        path.push(index);
      } else {
        break;
      }
    }
    return this.traverse(path) ?? new Unresolved(this.src.slice(start, this.pos).trim());
  }

  private unresolvedFrom(start: number): Unresolved {
    // consume the rest of the traversal so the caller sees one operand
    while (this.src[this.pos] === '.' || this.src[this.pos] === '[') {
      if (this.src[this.pos] === '.') {
        this.pos++;
        this.identifier();
      } else {
        const end = this.src.indexOf(']', this.pos);
        if (end < 0) throw new ParseError();
        this.pos = end + 1;
      }
    }
    return new Unresolved(this.src.slice(start, this.pos).trim());
  }

  private traverse(path: Array<string | number>): unknown {
    const [root, ...rest] = path;
    let value: unknown;
    let tail: Array<string | number>;
    if (root === 'var' && typeof rest[0] === 'string') [value, tail] = [this.scope.variable(rest[0]), rest.slice(1)];
    else if (root === 'local' && typeof rest[0] === 'string') [value, tail] = [this.scope.local(rest[0]), rest.slice(1)];
    else if (root === 'data' && rest.length >= 3) [value, tail] = [this.scope.data(String(rest[0]), String(rest[1]), String(rest[2])), rest.slice(3)];
    else return undefined;
    for (const key of tail) {
      if (value instanceof Unresolved || value === undefined || value === null) return undefined;
      value = (value as any)[key];
    }
    return value instanceof Unresolved ? undefined : value;
  }

  private call(name: string, start: number): unknown {
    this.expect('(');
    const args: unknown[] = [];
    while (this.peek() !== ')') {
      args.push(this.expression());
      if (this.peek() === ',') this.pos++;
      else if (this.src.startsWith('...', this.pos)) throw new ParseError();
      else if (this.peek() !== ')') throw new ParseError();
    }
    this.pos++;
    const fn = FUNCTIONS[name];
    const text = this.src.slice(start, this.pos).trim();
    if (!fn) return new Unresolved(text);
    // jsonencode keeps unresolved parts as expressions inside the JSON text; other
    // functions need every argument known
    if (name !== 'jsonencode' && args.some(hasUnresolved)) return new Unresolved(text);
    const out = fn(args);
    return out === undefined ? new Unresolved(text) : out;
  }
}
