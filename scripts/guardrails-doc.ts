// Regenerates docs/guardrails.md from the rule metadata. Run: npx projen gen:docs
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseCheckovTsv, renderGuardrailsDoc } from '../src/policy/docs';
import { BUILT_IN_PACKS } from '../src/policy/packs';

const root = join(__dirname, '..');
const checks = parseCheckovTsv(readFileSync(join(root, 'docs/data/checkov-terraform-checks.tsv'), 'utf8'));
writeFileSync(join(root, 'docs/guardrails.md'), renderGuardrailsDoc(BUILT_IN_PACKS, checks));
console.log('wrote docs/guardrails.md');
