import { Construct } from 'constructs';
import { TerraformResource } from '../cdk';

/**
 * A resource written straight as Terraform JSON. Golden paths that stamp out many
 * resources (one Service makes a dozen) build their config with the provider's typed
 * `*ToTerraform` converters and write it here: the same JSON as the typed class, without
 * the token objects the typed classes create for every nested block, which cost most of synth.
 */
export function rawResource(scope: Construct, id: string, type: string, provider: string, config: Record<string, unknown>,
  dependsOn: TerraformResource[] = []): TerraformResource {
  const resource = new TerraformResource(scope, id, {
    terraformResourceType: type,
    terraformGeneratorMetadata: { providerName: provider },
    dependsOn: dependsOn.length ? dependsOn : undefined,
  });
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) resource.addOverride(key, value);
  }
  return resource;
}
