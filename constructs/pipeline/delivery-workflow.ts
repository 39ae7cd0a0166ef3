import { RepositoryFile } from '@cdktf/provider-github/lib/repository-file';
import { Construct } from 'constructs';
import type { RunnerSpec } from './codebuild-runner';
import { renderDeliveryWorkflow, WorkflowOptions } from './workflow';
import { PlatformValidationError } from '../../src/core/errors';
import { validateName } from '../../src/core/naming';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
import { terraformLiteral } from '../../src/core/terraform-literal';
import { markGoldenPath } from '../../src/golden-path';

export const WORKFLOW_PATH = '.github/workflows/goldenpath.yml';

export interface DeliveryWorkflowProps extends WorkflowOptions {
  /** The repository to commit the workflow to. */
  readonly repository: string;
}

/** DeliveryWorkflowProps, checked at runtime. */
const DELIVERY_WORKFLOW_PROPS: PropsSchema = {
  repository: P.string(),
  environments: P.list(P.string(), { minItems: 1 }),
  defaultBranch: opt(P.string()),
  nodeVersion: opt(P.string()),
  terraformVersion: opt(P.string()),
  runners: opt(P.record(P.any('a runner: { type: github-hosted | codebuild | self-hosted, ... }'))),
};

/** Commits the generated delivery workflow (see `renderDeliveryWorkflow`) to a repository. */
export class DeliveryWorkflow extends Construct {
  /** The workflow YAML, as committed. */
  public readonly yaml: string;
  public readonly file: RepositoryFile;
  /** The runner of each environment's jobs. */
  public readonly runners: Record<string, RunnerSpec>;

  constructor(scope: Construct, id: string, props: DeliveryWorkflowProps) {
    super(scope, id);
    checkProps(this, props, DELIVERY_WORKFLOW_PROPS, 'DeliveryWorkflowProps');
    markGoldenPath(this, 'delivery-workflow');
    props.environments.forEach((e, i) => validateName(this, `environments[${i}]`, e, 'kubernetesName'));
    for (const env of Object.keys(props.runners ?? {})) {
      if (!props.environments.includes(env)) throw new PlatformValidationError(this, `runners.${env}`, props.runners![env], `must be one of the environments: ${props.environments.join(', ')}`);
    }
    this.yaml = renderDeliveryWorkflow(props);
    // what the runtime pack reads: where each environment's plan and apply jobs run
    this.runners = Object.fromEntries(props.environments.map((e) => [e, props.runners?.[e] ?? { type: 'github-hosted' }]));
    this.file = new RepositoryFile(this, 'file', {
      repository: props.repository,
      branch: props.defaultBranch ?? 'main',
      file: WORKFLOW_PATH,
      // the YAML is full of ${{ }} expressions that Terraform must not read as its own
      content: terraformLiteral(this.yaml),
      commitMessage: 'goldenpath: update the delivery workflow',
      overwriteOnCreate: true,
    });
    this.file.addOverride('//.goldenpath.runners', this.runners);
  }
}
