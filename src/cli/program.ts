import { Command, Option } from 'commander';
import type { CatalogOptions } from './catalog';
import type { CheckOptions } from './check';
import type { NewOptions } from './new';
import type { PlanOptions } from './plan';
import type { PortalCliOptions } from './portal';
import type { StacksOptions } from './stacks';
import { GITHUB_COMMENT_LIMIT } from '../plan/model';
import { SERVICE_TEMPLATES } from '../scaffold/kinds';

/**
 * Every command's arguments and flags. The work behind a command is loaded only when that
 * command runs (`await import`), so `goldenpath plan` never loads the portal, the scaffolder
 * or cdktf, and `--help` loads nothing but commander.
 */
export function registerCommands(program: Command): void {
  program.command('catalog')
    .description('write Backstage catalog entities (and scorecards) from cdktf.out; exits 1 on a dangling reference')
    .argument('[dirs...]', "cdktf.out directories, read as one catalog (the platform's and its service repositories')")
    .option('-o, --out <dir>', 'write catalog-info.yaml files (or catalog.json) here; without it, print the JSON document')
    .option('--partial', "one repository's part: references to entities it does not hold (its team) are left to the platform's catalog")
    .addOption(new Option('-f, --format <format>', 'yaml: a catalog-info.yaml per system and a Location; json: one document').choices(['yaml', 'json']).default('yaml'))
    .option('--scorecards', 'print the scorecard of every component, per team')
    .option('--today <date>', 'judge expiring suppressions as of this day (YYYY-MM-DD; default: today)')
    .option('--portal-url <url>', 'where the portal is published: each component links to its scorecard there')
    .action(async (dirs: string[], options: CatalogOptions) => (await import('./catalog')).catalogAction(dirs, options));

  program.command('check')
    .description('run the guardrails over a cdktf.out directory (any CDKTF app), plain Terraform (*.tf, *.tf.json) or a plan')
    .argument('[path]', 'a cdktf.out directory, a Terraform file, or a directory of Terraform modules', 'cdktf.out')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json', 'sarif', 'markdown']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a failed finding reaches this severity').choices(['error', 'warning', 'info', 'never']).default('error'))
    .option('-p, --pack <name...>', 'rule packs to run (default: every built-in pack; docs/rules.md lists them)')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--plugin <module...>', "also run these plugins' rule packs (a path or a package exporting `plugins`)")
    .option('--plan <file...>', 'judge the planned values of these `terraform show -json` plans instead of configuration')
    .option('--cdktf-out <dir>', 'with --plan: the cdktf.out the plans came from, to report construct paths and honour suppressions')
    .action(async (path: string, options: CheckOptions) => (await import('./check')).checkAction(path, options));

  registerNew(program);

  program.command('plan')
    .description('review terraform plans (terraform show -json) or two cdktf.out trees as a report for pull requests')
    .argument('[plans...]', 'plan JSON files; name the stack with stack=path, or it is taken from the path')
    .option('--base <dir>', 'cdktf.out of the base branch (offline review, no terraform needed)')
    .option('--head <dir>', 'cdktf.out of the pull request')
    .option('--cdktf-out <dir>', 'cdktf.out the plans were made from: adds owners, construct paths and guardrail findings')
    .option('--base-cdktf-out <dir>', 'cdktf.out of the base branch: owners and construct paths of what the plans destroy')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['markdown', 'text', 'json']).default('markdown'))
    .option('--max-chars <n>', 'longest Markdown report (GitHub rejects longer comments)', String(GITHUB_COMMENT_LIMIT))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--from-json <reports...>', 'render reports written by --format json (one per plan job), as one comment')
    .option('--digest-out <file>', 'write the change set (addresses, actions, digests of the diffs; no values) for --verify')
    .option('--verify <digest>', 'exit 1, saying why, when the planned change set differs from this reviewed one')
    .action(async (plans: string[], options: PlanOptions) => (await import('./plan')).planAction(plans, options));

  program.command('portal')
    .description('build the static portal site (plain HTML, CSS and a search script) from cdktf.out')
    .argument('[dirs...]', "cdktf.out directories, read as one site (the platform's and its service repositories')")
    .requiredOption('-o, --out <dir>', 'write the site here (open index.html, or publish the folder)')
    .option('--platform-portal <url>', "the platform's portal: pages this site does not have (teams of a service repository) link there")
    .option('--today <date>', 'judge scorecards and expiring suppressions as of this day (YYYY-MM-DD; default: today)')
    .option('--backstage-url <url>', 'your Backstage: "Create a service" also links to its software template')
    .option('--template <name>', 'the Backstage template that creates a service', 'goldenpath-service')
    .action(async (dirs: string[], options: PortalCliOptions) => (await import('./portal')).portalAction(dirs, options));

  program.command('stacks')
    .description('list the stacks of a cdktf.out by environment, as JSON for CI job matrices')
    .argument('[dir]', 'the cdktf.out directory', 'cdktf.out')
    .option('-e, --environments <names>', 'only these environments, comma-separated (each gets a list, even if empty)')
    .option('--waves', 'per environment, the stacks in apply order: waves of stacks whose dependencies are applied')
    .action(async (dir: string, options: StacksOptions) => (await import('./stacks')).stacksAction(dir, options));
}

function registerNew(program: Command): void {
  const common = (cmd: Command) => cmd
    .option('--dir <dir>', 'where to write the project (default: a folder named after it)')
    .option('--environments <names>', 'environments, comma-separated', 'dev,prod')
    .option('--region <region>', 'AWS region of the environments', 'eu-west-1')
    .option('--goldenpath <spec>', 'the goldenpath dependency in package.json (default: ^this version)')
    .option('--force', 'write into a directory that is not empty')
    .option('--install', 'run npm install and the first synth, with progress')
    .option('--dry-run', 'list the files it would write, and write nothing')
    .option('--plugin <module...>', "add these plugins' template files (a path or a package exporting `plugins`)");
  const runNew = async (kind: 'service' | 'platform' | 'plugin' | 'distribution', name: string | undefined, options: NewOptions) => (await import('./new')).runNew(kind, name, options);

  const cmd = program.command('new').description('scaffold a service, a platform or a distribution: installs, synthesizes and passes its own tests as generated');
  common(cmd.command('service').argument('[name]', 'the service name (a DNS label)')
    .description("a team's service repository on the golden path")
    .option('--team <team>', 'the owning team')
    .addOption(new Option('--template <template>', 'what kind of service').choices([...SERVICE_TEMPLATES]).default('web-service'))
    .option('--score <file>', 'describe the workload with this Score file (score.dev/v1b1)')
    .option('--org <org>', "the platform's org", 'acme'))
    .action((name: string | undefined, options: NewOptions) => runNew('service', name, options));
  common(cmd.command('platform').argument('[org]', 'the organisation (a DNS label)')
    .description('the platform repository: Platform with its environments, teams, state backend and account baselines')
    .option('--teams <names>', 'teams, comma-separated', 'example'))
    .action((org: string | undefined, options: NewOptions) => runNew('platform', org, options));
  common(cmd.command('plugin').argument('[package]', 'the plugin package name, e.g. @acme/goldenpath-cost')
    .description('a plugin package: the GoldenPathPlugin contract with a tag, a service hook and a scorecard check to start from')
    .option('--org <org>', 'the org (default: the package scope)'))
    .action((pkg: string | undefined, options: NewOptions) => runNew('plugin', pkg, options));
  common(cmd.command('distribution').argument('[package]', 'the package name, e.g. @acme/platform')
    .description("a package that wraps goldenpath with the org's defaults, to publish to your registry")
    .option('--org <org>', 'the org (default: the package scope)'))
    .action((pkg: string | undefined, options: NewOptions) => runNew('distribution', pkg, options));
}
