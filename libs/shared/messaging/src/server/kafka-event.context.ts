import { BaseRpcContext } from '@nestjs/microservices';
import type { IHeaders } from 'kafkajs';

export interface KafkaEventDelivery {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: IHeaders;
  groupId: string;
  /** 1 for the first handler attempt of this delivery, then 2, 3... on retries. */
  attempt: number;
}

/** What a handler can ask about the record it is handling: `@Ctx() context: KafkaEventContext`. */
export class KafkaEventContext extends BaseRpcContext<[KafkaEventDelivery]> {
  get delivery(): KafkaEventDelivery {
    return this.args[0];
  }

  getTopic(): string {
    return this.delivery.topic;
  }

  getPartition(): number {
    return this.delivery.partition;
  }

  getOffset(): string {
    return this.delivery.offset;
  }

  getAttempt(): number {
    return this.delivery.attempt;
  }

  getHeaders(): IHeaders {
    return this.delivery.headers;
  }
}
