import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ProblemException } from '@credstream/runtime';
import { SignInHandlers, type SignedInRecipient } from '@credstream/sharing/application';
import { sessionTokenOf } from './session-cookie';

/** Who is signed in: every wallet route is scoped to this recipient. */
@Injectable()
export class CurrentRecipient {
  constructor(@Inject(SignInHandlers) private readonly signIn: SignInHandlers) {}

  async optional(request: Request): Promise<SignedInRecipient | null> {
    return this.signIn.resolveSession(sessionTokenOf(request));
  }

  async require(request: Request): Promise<SignedInRecipient> {
    const recipient = await this.optional(request);
    if (!recipient) throw new ProblemException(HttpStatus.UNAUTHORIZED, 'SESSION_REQUIRED', 'sign in first');
    return recipient;
  }
}
