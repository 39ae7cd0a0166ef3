// `npm run bench`: every benchmark prints its measurement next to its baseline measured in the same run.
import { benchCheck } from './check';
import { benchImport } from './import';
import { benchPlan } from './plan';
import { benchScaffold } from './scaffold';
import { benchService } from './service';

async function run(): Promise<void> {
  const results = [benchImport(), await benchCheck(), benchPlan(), benchService(), benchScaffold()];
  if (results.some((ok) => !ok)) process.exitCode = 1;
}

void run();
