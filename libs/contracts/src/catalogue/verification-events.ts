import { TOPICS } from '../topics';
import type { EventContract } from './event-contract';
import { countryCode, list, nullable, object, oneOf, text, uuid } from './schema-builders';

const check = object(
  'one named verification check',
  {
    name: text('check name, e.g. signature, schema, status'),
    status: oneOf('outcome', ['passed', 'failed', 'skipped']),
  },
  { code: text('stable reason code, e.g. STATUS_REVOKED') },
);

export const VERIFICATION_EVENTS: EventContract[] = [
  {
    type: 'credential.verified.v1',
    topic: TOPICS.verificationVerification,
    source: 'verification',
    aggregateType: 'verification',
    summary: 'A credential was verified (whatever the outcome): the checks, and who asked.',
    dataSchema: object(
      'verification outcome',
      {
        verificationId: uuid('verification id'),
        credentialId: nullable(text('credential id, when it could be read')),
        issuerDid: nullable(text('issuer DID, when it could be read')),
        issuerKnown: { type: 'boolean', description: 'issued by a credstream tenant' },
        verified: { type: 'boolean', description: 'every required check passed' },
        checks: list(check, 'checks in verification order'),
        channel: oneOf('how it reached us', ['api', 'page', 'upload', 'embed', 'wallet']),
      },
      {
        verifier: object(
          'the organisation verifying: registered (with its id) when it sent its API key, else as it declared itself',
          {},
          {
            organizationId: uuid('registered verifier organisation, when the request carried its API key'),
            organization: text('organisation name'),
            sector: text('sector, an ISIC code'),
            country: countryCode('country'),
          },
        ),
        achievementId: nullable(text('id of the achievement the credential awards, when it could be read')),
        issuerTenantId: text('credstream tenant of the issuer, when the issuer is known'),
        failureCodes: list(text('reason code'), 'reason codes of the failed checks, warnings included'),
        requestCountry: countryCode('country the request came from, per a trusted proxy header; never the IP'),
      },
    ),
    example: {
      verificationId: '01932c8e-0000-7000-8000-000000000010',
      credentialId: '01932c8e-0000-7000-8000-000000000003',
      issuerDid: 'did:web:credstream.example:issuers:01932c8e-0000-7000-8000-000000000001',
      issuerKnown: true,
      verified: false,
      checks: [
        { name: 'signature', status: 'passed' },
        { name: 'status', status: 'failed', code: 'STATUS_REVOKED' },
      ],
      channel: 'api',
      verifier: { organization: 'Acme Analytics', sector: 'information-technology', country: 'DE' },
      achievementId: 'https://credstream.example/achievements/01932c8e-0000-7000-8000-000000000002',
      issuerTenantId: 'uni-lisbon',
      failureCodes: ['STATUS_REVOKED'],
      requestCountry: 'DE',
    },
  },
];
