import { DEMO_INSTITUTIONS, DemoAchievement, DemoInstitution } from './demo-catalogue';

/** A small seeded PRNG (mulberry32): the same demo every time, so re-runs recognise what exists. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  weighted<T>(items: readonly [T, number][]): T {
    let roll = this.next();
    for (const [item, weight] of items) {
      roll -= weight;
      if (roll <= 0) return item;
    }
    return (items[items.length - 1] as [T, number])[0];
  }
}

export interface DemoLearner {
  index: number;
  name: string;
  email: string;
  home: DemoInstitution;
}

export interface DemoCompletion {
  learner: DemoLearner;
  institution: DemoInstitution;
  achievement: DemoAchievement;
  score: number;
  cohort: string;
  completedAt: Date;
}

const FIRST = [
  'Ana',
  'João',
  'Inês',
  'Miguel',
  'Lena',
  'Jonas',
  'Mia',
  'Felix',
  'Amani',
  'Wanjiru',
  'Otieno',
  'Achieng',
  'Sofia',
  'Lucas',
  'Emma',
  'Noah',
  'Zawadi',
  'Kofi',
  'Marta',
  'Tiago',
];
const LAST = [
  'Silva',
  'Santos',
  'Ferreira',
  'Müller',
  'Schmidt',
  'Weber',
  'Kamau',
  'Mwangi',
  'Odhiambo',
  'Njeri',
  'Costa',
  'Pereira',
  'Fischer',
  'Wagner',
  'Otieno',
  'Mutua',
  'Rocha',
  'Becker',
  'Wambui',
  'Almeida',
];

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-02T16:00Z was a Friday. */
const FIRST_RESULTS_DAY = Date.UTC(1970, 0, 2, 16);

/**
 * The LMSs publish course results on Fridays at 16:00 UTC: a completion is dated then, so a whole week's completions
 * arrive together, as they do from a real LMS (and issuance takes them in batches of one date).
 */
function resultsDayAfter(time: number, notAfter: number): Date {
  const weeks = Math.ceil((time - FIRST_RESULTS_DAY) / WEEK_MS);
  const friday = FIRST_RESULTS_DAY + weeks * WEEK_MS;
  return new Date(friday <= notAfter ? friday : friday - WEEK_MS);
}

/** 5,000 learners, 1–3 completions each at their institution, some abroad too (mobility), over ~9 months. */
export function demoPopulation(
  learnerCount: number,
  now: Date,
): { learners: DemoLearner[]; completions: DemoCompletion[] } {
  const random = new Random(20261127);
  const learners: DemoLearner[] = [];
  const completions: DemoCompletion[] = [];
  const start = now.getTime() - 270 * DAY_MS;
  const end = now.getTime() - 10 * DAY_MS;
  for (let index = 0; index < learnerCount; index++) {
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    const home = DEMO_INSTITUTIONS[index % DEMO_INSTITUTIONS.length] as DemoInstitution;
    const learner: DemoLearner = { index, name, email: `learner${index + 1}@demo.credstream.example`, home };
    learners.push(learner);
    const courses = random.int(1, 3);
    const taken = new Set<string>();
    for (let course = 0; course < courses; course++) {
      const institution = course > 0 && random.chance(0.12) ? random.pick(DEMO_INSTITUTIONS) : home;
      const achievement = random.pick(institution.achievements);
      if (taken.has(achievement.courseId)) continue;
      taken.add(achievement.courseId);
      const completedAt = resultsDayAfter(start + random.next() * (end - start), end);
      const term = completedAt.getUTCMonth() < 6 ? 'spring' : 'autumn';
      completions.push({
        learner,
        institution,
        achievement,
        score: random.int(40, 100),
        cohort: `${completedAt.getUTCFullYear()}-${term}`,
        completedAt,
      });
    }
  }
  completions.sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  return { learners, completions };
}

/** A time after `from` by up to `maxDays`, never later than `now`. */
export function later(random: Random, from: Date, maxDays: number, now: Date): Date {
  const candidate = from.getTime() + random.next() * maxDays * DAY_MS;
  return new Date(Math.min(candidate, now.getTime() - 60_000));
}
