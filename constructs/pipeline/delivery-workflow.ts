import { RepositoryFile } from '@cdktf/provider-github/lib/repository-file';
import { Construct } from 'constructs';
import { renderDeliveryWorkflow, WorkflowOptions } from './workflow';
import { validateName } from '../../src/core/naming';
import { terraformLiteral } from '../../src/core/terraform-literal';
import { checkProps, opt, P, PropsSchema } from '../../src/core/props';
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
};

/** Commits the generated delivery workflow (see `renderDeliveryWorkflow`) to a repository. */
export class DeliveryWorkflow extends Construct {
  /** The workflow YAML, as committed. */
  public readonly yaml: string;
  public readonly file: RepositoryFile;

  constructor(scope: Construct, id: string, props: DeliveryWorkflowProps) {
    super(scope, id);
    checkProps(this, props, DELIVERY_WORKFLOW_PROPS, 'DeliveryWorkflowProps');
    markGoldenPath(this, 'delivery-workflow');
    props.environments.forEach((e, i) => validateName(this, `environments[${i}]`, e, 'kubernetesName'));
    this.yaml = renderDeliveryWorkflow(props);
    this.file = new RepositoryFile(this, 'file', {
      repository: props.repository,
      branch: props.defaultBranch ?? 'main',
      file: WORKFLOW_PATH,
      // the YAML is full of ${{ }} expressions that Terraform must not read as its own
      content: terraformLiteral(this.yaml),
      commitMessage: 'goldenpath: update the delivery workflow',
      overwriteOnCreate: true,
    });
  }
}
