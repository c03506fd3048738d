import type { VerifyCredentialResult } from '@credstream/verification/application';
import { friendlyResponse, friendlyResponseJson } from './friendly-response';

const result = {
  verified: false,
  checks: [{ name: 'structure', status: 'passed', required: true }],
  problemDetails: [],
  warnings: [],
} as unknown as VerifyCredentialResult['result'];
const event = {} as VerifyCredentialResult['event'];

describe('friendlyResponseJson', () => {
  it.each<[string, VerifyCredentialResult]>([
    ['a result alone', { result, event }],
    ['with the credential', { result, event, credential: { id: 'urn:uuid:1', name: 'Ünïcode "quoted"' } }],
    ['with credential and issuer', { result, event, credential: { id: 'x' }, issuer: { name: 'Uni', tenantId: 't' } }],
    ['with the issuer only', { result, event, issuer: { name: 'Uni' } }],
  ])('is JSON.stringify(friendlyResponse(...)) byte for byte: %s', (_case, verification) => {
    expect(friendlyResponseJson(verification)).toBe(JSON.stringify(friendlyResponse(verification)));
    expect(friendlyResponseJson(verification)).toBe(JSON.stringify(friendlyResponse(verification)));
  });
});
