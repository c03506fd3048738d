/**
 * A command rejected by the domain. `decide` throws it; callers branch on the stable `code`
 * (e.g. `MEMBER_ALREADY_JOINED`), never on the message, which is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
