import { DomainError } from '@credstream/event-sourcing';
import { domainProblem } from './domain-problems.interceptor';

describe('domainProblem', () => {
  it("gives a refusal the service's status for its code, with the field at fault", () => {
    const problem = domainProblem(new DomainError('CLAIM_TOKEN_USED', 'already used', { field: 'token' }), {
      CLAIM_TOKEN_USED: 409,
    });
    expect(problem.getStatus()).toBe(409);
    expect(problem).toMatchObject({ code: 'CLAIM_TOKEN_USED', errors: [{ field: 'token', message: 'already used' }] });
  });

  it('answers a code the service does not name with 422 and no field', () => {
    const problem = domainProblem(new DomainError('SOME_RULE', 'broken'), {});
    expect(problem.getStatus()).toBe(422);
    expect(problem.errors).toEqual([]);
  });
});
