import { TAG_KEYS } from '../../core/tag-keys';
import { Rule } from '../model';
import { fail, isExpression, PASS, unknown } from '../values';
import taggable from './aws-taggable-types.json';

/** AWS resource types with a `tags` argument (generated from the provider). */
export const TAGGABLE_AWS_TYPES: readonly string[] = taggable.types;

/** How to set each context value where golden-path constructs do not set it for you. */
const HOW_TO_SET: Partial<Record<keyof typeof TAG_KEYS, string>> = {
  service: "Team and environment stacks know their team but not a service: put the resource in a construct and call `GoldenPathContext.set(construct, { service: 'jobs' })` on it (from 'goldenpath'), or build it in a ServiceStack or Service, which set the service for you.",
};

function tagRule(n: number, key: keyof typeof TAG_KEYS, who: string): Rule {
  const tag = TAG_KEYS[key];
  return {
    id: `GP-OWN-00${n}`,
    title: `Taggable resources carry ${tag}`,
    severity: 'error',
    rationale: `Every resource must say ${who}, so alerts, costs and incidents reach the right people.`,
    remediation: `${HOW_TO_SET[key] ?? `Set \`${key}\` in the GoldenPathContext of the stack or of a construct above the resource (golden-path stacks set it for you).`} Or add the ${tag} tag yourself.`,
    resourceTypes: TAGGABLE_AWS_TYPES,
    evaluate(r) {
      const tags = r.config.tags;
      if (isExpression(tags)) return unknown('tags');
      const value = (tags as Record<string, unknown> | undefined)?.[tag];
      if (isExpression(value)) return unknown(`tags.${tag}`);
      return typeof value === 'string' && value.length > 0 ? PASS : fail(`tag ${tag} is missing`, 'tags');
    },
  };
}

export const OWNERSHIP_RULES: Rule[] = [
  tagRule(1, 'team', 'which team runs it'),
  tagRule(2, 'owner', 'who owns it in the catalog'),
  tagRule(3, 'service', 'which service it belongs to'),
  tagRule(4, 'environment', 'which environment it is part of'),
];
