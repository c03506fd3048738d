import { join } from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from '@credstream/contracts';
import { version } from '../../package.json';

export const ASYNCAPI_PATH = join(__dirname, '..', '..', 'docs', 'asyncapi.yaml');

/** The AsyncAPI document as YAML, exactly as committed in docs/asyncapi.yaml. */
export function renderAsyncApiYaml(): string {
  const header = '# Generated from libs/contracts by `npm run asyncapi`. Do not edit by hand.\n';
  return header + stringify(buildAsyncApiDocument(version), { lineWidth: 0, aliasDuplicateObjects: false });
}
