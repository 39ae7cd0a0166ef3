import { IConstruct } from 'constructs';
import { parse as parseYaml } from 'yaml';
import { PlatformValidationError } from '../../src/core/errors';

/** An API a Service provides, from its OpenAPI or AsyncAPI document or a URL of one. */
export interface ServiceApi {
  /** Entity name of the API: letters and digits joined by -, _ or ., at most 63 characters. */
  readonly name: string;
  /** The document itself (YAML or JSON text), embedded in the catalog. @default - `definitionUrl` */
  readonly definition?: string;
  /** An https URL of the document, which Backstage fetches (`$openapi` or `$text`). @default - `definition` */
  readonly definitionUrl?: string;
  /** @default - read from the document (`openapi:` or `asyncapi:`); required with `definitionUrl` */
  readonly type?: ApiType;
  /** @default - the document's info.description */
  readonly description?: string;
}

export type ApiType = 'openapi' | 'asyncapi' | 'graphql' | 'grpc';
const API_TYPES: readonly ApiType[] = ['openapi', 'asyncapi', 'graphql', 'grpc'];
/** Backstage's rule for entity names. */
export const ENTITY_NAME = /^(?=.{1,63}$)[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$/;

/** A checked API, ready for the catalog: its type, and the definition embedded or referenced. */
export interface CheckedApi {
  readonly name: string;
  readonly type: ApiType;
  readonly definition: string | { readonly $openapi: string } | { readonly $text: string };
  readonly description?: string;
}

/** Check one provided API; `prop` is where it came from (`providesApis[0]`). */
export function checkApi(scope: IConstruct, prop: string, api: ServiceApi): CheckedApi {
  if (typeof api?.name !== 'string' || !ENTITY_NAME.test(api.name)) {
    throw new PlatformValidationError(scope, `${prop}.name`, api?.name, 'must be 1–63 letters and digits joined by -, _ or . (a catalog entity name)');
  }
  if ((api.definition === undefined) === (api.definitionUrl === undefined)) {
    throw new PlatformValidationError(scope, prop, api.name, 'must give exactly one of `definition` (the document) and `definitionUrl`');
  }
  if (api.type !== undefined && !API_TYPES.includes(api.type)) {
    throw new PlatformValidationError(scope, `${prop}.type`, api.type, `must be one of ${API_TYPES.join(', ')}`);
  }
  if (api.definitionUrl !== undefined) {
    if (!/^https:\/\/\S+$/.test(api.definitionUrl)) throw new PlatformValidationError(scope, `${prop}.definitionUrl`, api.definitionUrl, 'must be an https:// URL');
    if (!api.type) throw new PlatformValidationError(scope, `${prop}.type`, undefined, `must be given with definitionUrl: one of ${API_TYPES.join(', ')}`);
    return { name: api.name, type: api.type, description: api.description, definition: api.type === 'openapi' ? { $openapi: api.definitionUrl } : { $text: api.definitionUrl } };
  }
  const text = api.definition!;
  let doc: any;
  try {
    doc = parseYaml(text);
  } catch (err) {
    const e = err as { message: string; linePos?: Array<{ line: number; col: number }> };
    const at = e.linePos?.[0] ? ` at line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
    throw new PlatformValidationError(scope, `${prop}.definition`, api.name, `must be a YAML or JSON document: ${e.message.split('\n')[0]}${at}`);
  }
  const found: ApiType | undefined = doc && typeof doc === 'object' ? (typeof doc.openapi === 'string' || typeof doc.swagger === 'string' ? 'openapi' : typeof doc.asyncapi === 'string' ? 'asyncapi' : undefined) : undefined;
  const type = api.type ?? found;
  if (!type) throw new PlatformValidationError(scope, `${prop}.definition`, api.name, 'must be an OpenAPI (`openapi:`) or AsyncAPI (`asyncapi:`) document, or give `type`');
  if (found && api.type && found !== api.type) throw new PlatformValidationError(scope, `${prop}.type`, api.type, `must match the document, which is ${found}`);
  const description = api.description ?? (typeof doc?.info?.description === 'string' ? doc.info.description.trim() : undefined);
  return { name: api.name, type, description, definition: text };
}
