import { RuleCases } from './cases';

const tags = { 'goldenpath:team': 'payments', 'goldenpath:owner': 'group:payments', 'goldenpath:service': 'ledger', 'goldenpath:environment': 'dev' };
const queue = (t?: object) => ({ 'aws_sqs_queue.q': { name: 'q', ...(t ? { tags: t } : {}) } });
const without = (key: string) => Object.fromEntries(Object.entries(tags).filter(([k]) => k !== key));

export const OWNERSHIP_CASES: Record<string, RuleCases> = {
  'GP-OWN-001': { pass: [queue(tags)], fail: [queue(), queue(without('goldenpath:team'))], unknown: [{ 'aws_sqs_queue.q': { tags: '${var.tags}' } }] },
  'GP-OWN-002': { pass: [queue(tags)], fail: [queue(without('goldenpath:owner'))] },
  'GP-OWN-003': { pass: [queue(tags)], fail: [queue(without('goldenpath:service'))] },
  'GP-OWN-004': { pass: [queue(tags)], fail: [queue(without('goldenpath:environment')), queue({ ...tags, 'goldenpath:environment': '' })] },
};
