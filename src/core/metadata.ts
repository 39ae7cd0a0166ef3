import { IConstruct } from 'constructs';
import { IAspect, TerraformResource, TerraformStack } from '../cdk';
import { GoldenPathContext, ResolvedContext } from './context';
import { goldenPathVersion } from './version';

/** Key under `"//"` in cdk.tf.json where golden-path metadata lives (DESIGN contract 1). */
export const METADATA_KEY = 'goldenpath';

/** What tools read about one resource from cdktf.out. */
export interface ResourceMetadata {
  readonly kind?: string;
  readonly version: string;
  readonly org?: string;
  readonly team?: string;
  readonly owner?: string;
  readonly environment?: string;
  readonly service?: string;
  readonly costCentre?: string;
}

export function metadataFor(ctx: ResolvedContext): ResourceMetadata {
  const meta: Record<string, string | undefined> = {
    kind: ctx.kind,
    version: goldenPathVersion(),
    org: ctx.org,
    team: ctx.team,
    owner: ctx.owner,
    environment: ctx.environment,
    service: ctx.service,
    costCentre: ctx.costCentre,
  };
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as unknown as ResourceMetadata;
}

/**
 * Writes `"//": {"goldenpath": {...}}` on every resource inside a golden-path construct and
 * on each stack, so the CLI can answer "who owns this" from cdktf.out alone. Terraform
 * ignores `"//"` keys.
 */
export class MetadataAspect implements IAspect {
  public visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) {
      // key by key, so other metadata on the stack (suppressions, catalog facts) is kept
      for (const [key, value] of Object.entries(metadataFor(GoldenPathContext.of(node)))) {
        (node as TerraformStack).addOverride(`//.${METADATA_KEY}.${key}`, value);
      }
    } else if (TerraformResource.isTerraformResource(node)) {
      const ctx = GoldenPathContext.of(node);
      if (ctx.kind === undefined) return; // a team's own resource: tagged, but not ours to describe
      for (const [key, value] of Object.entries(metadataFor(ctx))) {
        (node as TerraformResource).addOverride(`//.${METADATA_KEY}.${key}`, value);
      }
    }
  }
}
