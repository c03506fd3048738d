import { HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@credstream/runtime';

/** Strong ETag of an aggregate: its stream version. */
export const etagOf = (version: number): string => `"${version}"`;

export function setEtag(response: Response, version: number): void {
  response.setHeader('ETag', etagOf(version));
}

/**
 * The version an `If-Match` header names, or undefined without one (or `*`): the update then applies to whatever
 * is current. A header naming no version of ours is a 412, as RFC 9110 asks for a failed precondition.
 */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '' || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
  if (!match) {
    throw new ProblemException(
      HttpStatus.PRECONDITION_FAILED,
      'PRECONDITION_FAILED',
      'If-Match must be an ETag this API returned, e.g. "3".',
      [{ field: 'If-Match', message: 'is not one of our ETags' }],
    );
  }
  return Number(match[1]);
}
