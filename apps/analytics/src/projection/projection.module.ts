import { Module } from '@nestjs/common';
import { ProjectionService } from './projection.service';

/** The Kafka → ClickHouse projection of every topic, with its schema migrations. */
@Module({ providers: [ProjectionService] })
export class ProjectionModule {}
