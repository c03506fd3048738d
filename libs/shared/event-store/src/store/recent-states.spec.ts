import { RecentStates } from './recent-states';

const deciderA = {};
const deciderB = {};

describe('RecentStates', () => {
  it("gives back a stream's last state for the decider that produced it only", () => {
    const states = new RecentStates();
    states.remember('s-1', deciderA, { state: { total: 3 }, version: 2 });

    expect(states.get('s-1', deciderA)).toEqual({ state: { total: 3 }, version: 2 });
    expect(states.get('s-1', deciderB)).toBeUndefined();
    expect(states.get('s-2', deciderA)).toBeUndefined();
  });

  it('keeps the most recently used streams within its bound', () => {
    const states = new RecentStates(2);
    states.remember('s-1', deciderA, { state: 1, version: 1 });
    states.remember('s-2', deciderA, { state: 2, version: 1 });
    states.get('s-1', deciderA);
    states.remember('s-3', deciderA, { state: 3, version: 1 });

    expect(states.get('s-2', deciderA)).toBeUndefined();
    expect(states.get('s-1', deciderA)?.state).toBe(1);
    expect(states.get('s-3', deciderA)?.state).toBe(3);
  });
});
