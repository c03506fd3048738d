import { AssertionError } from 'node:assert';
import { Decider, evolveAll } from './decider';
import { deciderSpec } from './decider-spec';
import { DomainError } from './domain-error';
import type { DomainCommand, DomainEvent } from './domain-event';

// A tiny aggregate: a club whose members join and leave, with a capacity.
type ClubCommand = DomainCommand<'join', { memberId: string }> | DomainCommand<'leave', { memberId: string }>;
type ClubEvent =
  | DomainEvent<'member.joined', { memberId: string }>
  | DomainEvent<'member.left', { memberId: string }>
  | DomainEvent<'club.filled', { size: number }>;
interface ClubState {
  members: readonly string[];
}

class ClubFullError extends DomainError {
  constructor(capacity: number) {
    super('CLUB_FULL', `the club already has ${capacity} members`, { capacity });
  }
}

const CAPACITY = 2;

const club: Decider<ClubCommand, ClubEvent, ClubState> = {
  initialState: () => ({ members: [] }),
  decide(command, state) {
    switch (command.type) {
      case 'join': {
        if (state.members.includes(command.data.memberId)) return [];
        if (state.members.length >= CAPACITY) throw new ClubFullError(CAPACITY);
        const joined: ClubEvent = { type: 'member.joined', data: { memberId: command.data.memberId } };
        const size = state.members.length + 1;
        return size === CAPACITY ? [joined, { type: 'club.filled', data: { size } }] : [joined];
      }
      case 'leave':
        if (!state.members.includes(command.data.memberId)) {
          throw new DomainError('MEMBER_NOT_FOUND', `${command.data.memberId} is not a member`);
        }
        return [{ type: 'member.left', data: { memberId: command.data.memberId } }];
      default: {
        const unknown: never = command;
        throw new Error(`unknown command ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'member.joined':
        return { members: [...state.members, event.data.memberId] };
      case 'member.left':
        return { members: state.members.filter((id) => id !== event.data.memberId) };
      case 'club.filled':
        return state;
      default: {
        const unknown: never = event;
        throw new Error(`unknown event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

const joined = (memberId: string): ClubEvent => ({ type: 'member.joined', data: { memberId } });
const join = (memberId: string): ClubCommand => ({ type: 'join', data: { memberId } });
const leave = (memberId: string): ClubCommand => ({ type: 'leave', data: { memberId } });

describe('evolveAll', () => {
  it('folds events from the initial state', () => {
    expect(evolveAll(club, [joined('ana'), joined('bo')])).toEqual({ members: ['ana', 'bo'] });
  });
});

describe('deciderSpec', () => {
  describe('passes', () => {
    it('when the command produces exactly the expected events', () => {
      deciderSpec(club)
        .given([joined('ana')])
        .when(join('bo'))
        .then([joined('bo'), { type: 'club.filled', data: { size: 2 } }]);
    });

    it('without history, and with no events for an idempotent command', () => {
      deciderSpec(club)
        .when(join('ana'))
        .then([joined('ana')]);
      deciderSpec(club)
        .given([joined('ana')])
        .when(join('ana'))
        .then([]);
    });

    it('when the rejection matches by code, by class or by predicate', () => {
      const full = deciderSpec(club)
        .given([joined('ana'), joined('bo')])
        .when(join('cy'));
      full.thenThrows('CLUB_FULL');
      full.thenThrows(ClubFullError);
      full.thenThrows(DomainError);
      full.thenThrows((error) => error instanceof DomainError && error.details['capacity'] === CAPACITY);
      deciderSpec(club).when(leave('ana')).thenThrows('MEMBER_NOT_FOUND');
    });
  });

  describe('fails', () => {
    const failure = (assertion: () => void): AssertionError => {
      try {
        assertion();
      } catch (error) {
        expect(error).toBeInstanceOf(AssertionError);
        return error as AssertionError;
      }
      throw new Error('the spec passed but should have failed');
    };

    it('when the events differ in data, order or number', () => {
      const spec = deciderSpec(club)
        .given([joined('ana')])
        .when(join('bo'));
      failure(() => spec.then([joined('bo')]));
      failure(() => spec.then([{ type: 'club.filled', data: { size: 2 } }, joined('bo')]));
      failure(() => spec.then([joined('cy'), { type: 'club.filled', data: { size: 2 } }]));
    });

    it('when events were expected but the command was rejected', () => {
      const error = failure(() => deciderSpec(club).when(leave('ana')).then([]));
      expect(error.message).toContain('MEMBER_NOT_FOUND');
    });

    it('when a rejection was expected but events were returned', () => {
      const error = failure(() => deciderSpec(club).when(join('ana')).thenThrows('CLUB_FULL'));
      expect(error.message).toContain('member.joined');
    });

    it('when the command is rejected with another code or class', () => {
      const spec = deciderSpec(club).when(leave('ana'));
      failure(() => spec.thenThrows('CLUB_FULL'));
      failure(() => spec.thenThrows(ClubFullError));
      failure(() => spec.thenThrows(() => false));
    });

    it('when evolve cannot apply the events decide produced', () => {
      const broken: typeof club = {
        ...club,
        evolve: (state, event) => {
          if (event.type === 'club.filled') throw new Error('evolve forgot club.filled');
          return club.evolve(state, event);
        },
      };
      expect(() =>
        deciderSpec(broken)
          .given([joined('ana')])
          .when(join('bo'))
          .then([joined('bo'), { type: 'club.filled', data: { size: 2 } }]),
      ).toThrow('evolve forgot club.filled');
    });
  });
});
