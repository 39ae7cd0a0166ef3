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
    reportUncaughtOnce();
  }
}

let reporting = false;

/**
 * An app that lets a PlatformValidationError escape would have Node print it with its stack,
 * the throwing source line and every field: the error is about props, not code, so it is
 * printed as one line and the process exits 1 instead. Every other uncaught error keeps
 * Node's own report. Installed when the first such error is made; not under jest, whose
 * workers handle uncaught errors themselves.
 */
function reportUncaughtOnce(): void {
  if (reporting || process.env.JEST_WORKER_ID !== undefined) return;
  reporting = true;
  const handler = (err: unknown) => {
    if (err instanceof PlatformValidationError) {
      process.stderr.write(`${err.name}: ${err.message}\n`);
      process.exit(1);
    }
    process.removeListener('uncaughtException', handler);
    process.nextTick(() => {
      throw err;
    });
  };
  process.on('uncaughtException', handler);
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
