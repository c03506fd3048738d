import { Module } from '@nestjs/common';
import { DidDocumentsController } from './did-documents.controller';

/** GET /issuers/:issuerId/did.json (public). IssuerQueries comes from the global IssuersModule. */
@Module({ controllers: [DidDocumentsController] })
export class DidModule {}
