import { writeFileSync } from 'node:fs';
import { ASYNCAPI_PATH, renderAsyncApiYaml } from './asyncapi-yaml';

writeFileSync(ASYNCAPI_PATH, renderAsyncApiYaml());
process.stdout.write(`wrote ${ASYNCAPI_PATH}\n`);
