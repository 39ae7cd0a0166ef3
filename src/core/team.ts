import { IConstruct } from 'constructs';
import { PlatformValidationError } from './errors';
import { validateName } from './naming';
import { opt, P, PropSpec } from './props';

/** Namespace quota presets a team can ask for. */
export type TeamSize = 'small' | 'medium' | 'large';
export const TEAM_SIZES: readonly TeamSize[] = ['small', 'medium', 'large'];

/** A team as the platform knows it; the same record later feeds the service catalog. */
export interface Team {
  /** Short name: a DNS label, used in names, tags, namespaces. */
  readonly name: string;
  /** Group the team's people belong to in Kubernetes (RBAC subject). @default - `team:<name>` */
  readonly group?: string;
  /** People in the team (user names or e-mail addresses). @default - none */
  readonly members?: string[];
  /** Where pages go: an e-mail address or an https URL of the on-call rota. @default - none */
  readonly onCall?: string;
  /** Cost centre billed for the team's resources. @default - none */
  readonly costCentre?: string;
  /** IAM role the team's people assume; it gets an EKS access entry mapped to `group`. @default - no cluster access */
  readonly awsRoleArn?: string;
  /** Namespace quota preset. @default 'small' */
  readonly size?: TeamSize;
}

/** A Team as props carry it, checked at runtime. */
export const TEAM_SPEC: PropSpec = P.object({
  name: P.string(),
  group: opt(P.string()),
  members: opt(P.list(P.string())),
  onCall: opt(P.string()),
  costCentre: opt(P.string()),
  awsRoleArn: opt(P.string()),
  size: opt(P.enum('small', 'medium', 'large')),
});

/** The Kubernetes group of a team. */
export function teamGroup(team: Team): string {
  return team.group ?? `team:${team.name}`;
}

/** Check a team record; `prop` is where it came from (`teams[1]`). */
export function validateTeam(scope: IConstruct, prop: string, team: Team): void {
  validateName(scope, `${prop}.name`, team.name, 'kubernetesName');
  if (team.size !== undefined && !TEAM_SIZES.includes(team.size)) {
    throw new PlatformValidationError(scope, `${prop}.size`, team.size, `must be one of ${TEAM_SIZES.join(', ')}`);
  }
  if (team.onCall !== undefined && !/^(https:\/\/\S+|[^@\s]+@[^@\s]+\.[^@\s]+)$/.test(team.onCall)) {
    throw new PlatformValidationError(scope, `${prop}.onCall`, team.onCall, 'must be an e-mail address or an https:// URL');
  }
  if (team.awsRoleArn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(team.awsRoleArn)) {
    throw new PlatformValidationError(scope, `${prop}.awsRoleArn`, team.awsRoleArn, 'must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)');
  }
  if (team.group !== undefined && (team.group.length === 0 || team.group.startsWith('system:'))) {
    throw new PlatformValidationError(scope, `${prop}.group`, team.group, "must be a non-empty group name not starting with 'system:'");
  }
}
