/**
 * A domain event or command: a discriminated `type` and its payload. Aggregates declare unions of these,
 * e.g. `type MemberEvent = DomainEvent<'member.joined', { memberId: string }> | DomainEvent<'member.left', {...}>`.
 */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** Commands have the same shape as events; the separate name keeps signatures readable. */
export type DomainCommand<TType extends string = string, TData = unknown> = DomainEvent<TType, TData>;
