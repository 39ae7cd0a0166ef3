import { neutralizeExpressions, parsePolicy } from '../../../src/policy/rules/policy-document';

describe('policy documents with Terraform interpolations', () => {
  test('quotes inside ${...} do not break parsing, and the values still read as expressions', () => {
    const text = '{"Statement":[{"Effect":"Allow","Condition":{"StringEquals":{"${replace(aws_eks_cluster.c.identity[0].oidc[0].issuer, "https://", "")}:sub":"system:serviceaccount:a:b"}}}]}';
    expect(() => JSON.parse(text)).toThrow();
    const parsed = parsePolicy(text);
    expect(parsed.kind).toBe('parsed');
    expect(parsed.kind === 'parsed' && Object.keys(parsed.statements[0].condition.StringEquals)[0]).toBe('${expr0}:sub');
  });

  test('$${ is a literal and nested braces are followed', () => {
    expect(neutralizeExpressions('"a$${b}" "${f({x = "}"})}"')).toBe('"a$${b}" "${expr0}"');
  });

  test('a document that is itself an expression is unknown', () => {
    expect(parsePolicy('${data.aws_iam_policy_document.x.json}').kind).toBe('unknown');
  });
});
