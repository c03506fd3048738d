import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@credstream/event-sourcing';
import { INSIGHTS_READER, InsightsReader } from './insights-reader.port';

export const INVALID_COST = 'ANALYTICS_COST_INVALID';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCY = /^[A-Z]{3}$/;

/** A tenant enters what a programme (an achievement) cost, for the ROI insight. The latest entry wins. */
@Injectable()
export class RecordProgrammeCostHandler {
  constructor(@Inject(INSIGHTS_READER) private readonly reader: InsightsReader) {}

  async handle(tenantId: string, achievementId: string, body: unknown, now: Date): Promise<void> {
    const errors: { field: string; message: string }[] = [];
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (!UUID.test(achievementId)) errors.push({ field: 'achievementId', message: 'must be a UUID' });
    const amount = input['amount'];
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > 1e12) {
      errors.push({ field: 'amount', message: 'must be a number between 0 and 1e12' });
    }
    const currency = input['currency'];
    if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
      errors.push({ field: 'currency', message: 'must be an ISO 4217 code, e.g. EUR' });
    }
    if (errors.length > 0) throw new DomainError(INVALID_COST, 'invalid programme cost', { errors });
    await this.reader.recordProgrammeCost(
      tenantId,
      achievementId.toLowerCase(),
      { amount: amount as number, currency: currency as string },
      now,
    );
  }
}
