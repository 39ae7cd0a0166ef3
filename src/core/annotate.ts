import { IConstruct } from 'constructs';

/** The metadata types cdktf collects into manifest.json as annotations (and fails synth on errors). */
const LEVELS = { info: '@cdktf/info', warning: '@cdktf/warn', error: '@cdktf/error' } as const;

/**
 * Annotate a construct like cdktf's `Annotations`, without the stack trace cdktf records
 * beside each message: a trace holds absolute paths of the machine that synthesized, which
 * would make manifest.json differ between checkouts and leak the build machine's layout.
 */
export function annotate(scope: IConstruct, level: keyof typeof LEVELS, message: string): void {
  scope.node.addMetadata(LEVELS[level], message, { stackTrace: false });
}
