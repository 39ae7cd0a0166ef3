import { readFileSync } from 'fs';
import { exampleIdentities, SNAPSHOT } from '../../scripts/release-snapshot';
import { replacements, resourceIdentities } from '../../src/plan/force-new';

describe('semver: what a change would replace in an app built on the last release', () => {
  test('the example org, synthesized now, replaces nothing the last release made', () => {
    const released = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
    const found = replacements(released, exampleIdentities());
    // a non-empty list is a breaking change: say so in the commit (feat!: / BREAKING CHANGE:),
    // then `npm run snapshot:update` with the release
    if (found.length) console.log(`addresses the next release would replace:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  });

  test('a changed logical id destroys; a changed ForceNew attribute replaces; other changes do not', () => {
    const stack = (bucket: string, id: string, versioning: string) => [{
      name: 'app',
      json: { resource: { aws_s3_bucket: { [id]: { bucket } }, aws_s3_bucket_versioning: { v: { versioning_configuration: { status: versioning } } } } },
    }];
    const before = resourceIdentities(stack('acme-data', 'data', 'Enabled'));
    expect(replacements(before, resourceIdentities(stack('acme-data', 'data', 'Suspended')))).toEqual([]);
    expect(replacements(before, resourceIdentities(stack('acme-data-2', 'data', 'Enabled')))).toEqual(['app/aws_s3_bucket.data: bucket "acme-data" → "acme-data-2": replaced']);
    expect(replacements(before, resourceIdentities(stack('acme-data', 'data_1234', 'Enabled')))).toEqual(['app/aws_s3_bucket.data: gone (its logical id changed, or it is no longer made): destroyed']);
  });
});
