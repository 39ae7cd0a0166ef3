import { IConstruct } from 'constructs';
import { Token } from '../../src/cdk';
import { PlatformValidationError } from '../../src/core/errors';

const DIGEST = /@sha256:[a-f0-9]{64}$/;

/**
 * An image must be pinned: by digest, or by a tag other than `latest`, so what runs changes
 * only when the configuration changes.
 */
export function validateImage(scope: IConstruct, prop: string, image: string): string {
  if (Token.isUnresolved(image)) return image;
  if (!/^[a-z0-9][a-z0-9._\-/:@]*$/i.test(image)) throw new PlatformValidationError(scope, prop, image, 'must be an image reference such as registry/name:1.2.3 or registry/name@sha256:<digest>');
  if (DIGEST.test(image)) return image;
  if (image.includes('@')) throw new PlatformValidationError(scope, prop, image, 'must pin a digest as @sha256: followed by 64 hex characters');
  const tag = image.split('/').pop()!.split(':')[1];
  if (!tag) throw new PlatformValidationError(scope, prop, image, 'must be pinned by a tag or a digest (no tag means latest)');
  if (tag === 'latest') throw new PlatformValidationError(scope, prop, image, "must be pinned by a version tag or a digest, not 'latest'");
  return image;
}
