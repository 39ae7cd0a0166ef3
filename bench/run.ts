// `npm run bench`: every benchmark prints its measurement next to its baseline measured in the same run.
import { benchCheck } from './check';
import { benchImport } from './import';

const results = [benchImport(), benchCheck()];
if (results.some((ok) => !ok)) process.exitCode = 1;
