import { StreamVersionConflictError } from '@credstream/event-store';
import { PreconditionFailedError } from '@credstream/issuance/application';
import { AchievementError, IssuerError, TenantError } from '@credstream/issuance/domain';
import { ProblemException } from '@credstream/runtime';
import { expectedVersionOf } from './etag';
import { issuanceProblemOf } from './issuance-problems.interceptor';

const problem = (error: unknown) => {
  const mapped = issuanceProblemOf(error) as ProblemException;
  return { status: mapped.getStatus(), code: mapped.code, errors: mapped.errors };
};

describe('issuance HTTP helpers', () => {
  it('maps refusals to 404, 409, 400 with the field, 412 and 409 CONCURRENT_MODIFICATION', () => {
    expect(problem(new IssuerError('ISSUER_NOT_FOUND', 'x', { field: 'issuerId' }))).toEqual({
      status: 404,
      code: 'ISSUER_NOT_FOUND',
      errors: [{ field: 'issuerId', message: 'x' }],
    });
    for (const code of ['TENANT_ALREADY_EXISTS', 'API_KEY_ALREADY_REVOKED'] as const) {
      expect(problem(new TenantError(code, 'x')).status).toBe(409);
    }
    expect(problem(new AchievementError('ACHIEVEMENT_ARCHIVED', 'x')).status).toBe(409);
    expect(problem(new IssuerError('ISSUER_NO_ACTIVE_KEY', 'x')).status).toBe(409);
    expect(problem(new IssuerError('ISSUER_URL_INVALID', 'bad', { field: 'url' }))).toEqual({
      status: 400,
      code: 'ISSUER_URL_INVALID',
      errors: [{ field: 'url', message: 'bad' }],
    });
    expect(problem(new PreconditionFailedError('issuer-1', 2, 3))).toMatchObject({
      status: 412,
      code: 'PRECONDITION_FAILED',
    });
    expect(problem(new StreamVersionConflictError('issuer-1', 2, 3))).toMatchObject({
      status: 409,
      code: 'CONCURRENT_MODIFICATION',
    });
    const unexpected = new Error('boom');
    expect(issuanceProblemOf(unexpected)).toBe(unexpected);
  });

  it('reads If-Match: our ETags (strong or weak), none or * for any version, anything else a 412', () => {
    expect(expectedVersionOf('"3"')).toBe(3);
    expect(expectedVersionOf('W/"12"')).toBe(12);
    expect(expectedVersionOf(undefined)).toBeUndefined();
    expect(expectedVersionOf('*')).toBeUndefined();
    for (const value of ['3', '"abc"', '"1", "2"']) {
      expect(() => expectedVersionOf(value)).toThrow(expect.objectContaining({ code: 'PRECONDITION_FAILED' }));
    }
  });
});
