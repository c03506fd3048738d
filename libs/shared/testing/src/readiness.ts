import type { BootedService } from './boot-service';

export interface DependencyStatus {
  status: 'up' | 'down';
  message?: string;
}

export interface Readiness {
  status: number;
  /** terminus body: `details` has every dependency, `error` only those that are down. */
  body: { status: string; details: Record<string, DependencyStatus>; error: Record<string, DependencyStatus> };
}

export async function readiness(service: BootedService): Promise<Readiness> {
  const response = await fetch(`${service.url}/health/ready`);
  return { status: response.status, body: (await response.json()) as Readiness['body'] };
}
