import { parser } from '@prometheus-io/lezer-promql';
import { IConstruct } from 'constructs';
import { PlatformValidationError } from '../../src/core/errors';

/** Does the Prometheus project's own parser accept this expression? */
export function isValidPromql(expr: string): boolean {
  let ok = expr.trim().length > 0;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError) ok = false;
    },
  });
  return ok;
}

/** A series selector the SLI counts, checked by parsing it inside `rate(...[5m])`. */
export function validateSelector(scope: IConstruct, prop: string, selector: string): string {
  if (!isValidPromql(`rate(${selector}[5m])`)) {
    throw new PlatformValidationError(scope, prop, selector, 'must be a PromQL series selector such as http_requests_total{job="api",code=~"5.."}');
  }
  return selector;
}
