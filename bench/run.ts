// `npm run bench`: every benchmark prints its ratio against raw cdktf measured in the same run.
import { benchImport } from './import';

const results: boolean[] = [];
results.push(benchImport());
if (results.some((ok) => !ok)) process.exitCode = 1;
