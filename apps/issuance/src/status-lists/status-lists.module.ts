import { Module } from '@nestjs/common';
import { StatusListsController } from './status-lists.controller';

@Module({ controllers: [StatusListsController] })
export class StatusListsModule {}
