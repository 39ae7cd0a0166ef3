import { IConstruct } from 'constructs';

/**
 * The one error type for bad input. It names the construct path, the prop, the value
 * received and what is allowed, so a team can fix its stack without reading our source.
 */
export class PlatformValidationError extends Error {
  public readonly constructPath: string;
  public readonly prop: string;
  public readonly value: unknown;
  public readonly allowed: string;

  constructor(scope: IConstruct | string, prop: string, value: unknown, allowed: string) {
    const constructPath = typeof scope === 'string' ? scope : scope.node.path;
    super(`${constructPath}: \`${prop}\` ${allowed}, got ${formatValue(value)}`);
    this.name = 'PlatformValidationError';
    this.constructPath = constructPath;
    this.prop = prop;
    this.value = value;
    this.allowed = allowed;
  }
}

/** Values longer than this are cut in messages: an error is one readable line. */
const MAX_VALUE_CHARS = 200;

export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}… (${text.length} characters)` : text;
}

/**
 * A file or argument given to a command is unusable (missing, not JSON, wrong shape). The
 * CLI prints its message as one line and exits 2.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
