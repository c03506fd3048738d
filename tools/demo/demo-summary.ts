import type { DemoState } from './demo-state';
import type { DemoEnvironment } from './seed-demo';

/** The one screen a newcomer reads after `npm start`. */
export function printSummary(env: DemoEnvironment, state: DemoState, learners: number): void {
  const tenants = Object.keys(state.tenants);
  const lines = [
    '',
    'credstream demo is ready',
    '',
    `  institutions   ${tenants.join(', ')}`,
    `  learners       ${learners.toLocaleString('en-US')}`,
    '',
    `  dashboards           ${env.analyticsUrl}/dashboards`,
    ...(state.sampleCredentialId ? [`  a credential page    ${env.sharingUrl}/c/${state.sampleCredentialId}`] : []),
    `  verify a credential  ${env.verificationUrl}/verify`,
    `  recipient inbox      ${env.mailInboxUrl}/index.html`,
    '',
    '  API docs (OpenAPI)',
    `    issuance      ${env.issuanceUrl}/docs`,
    `    verification  ${env.verificationUrl}/docs`,
    `    sharing       ${env.sharingUrl}/docs`,
    `    analytics     ${env.analyticsUrl}/docs`,
    `  events (AsyncAPI)    ${env.issuanceUrl}/docs/asyncapi.json`,
    '',
    `  demo API keys and state: ${env.stateFile}`,
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
