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

export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
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
