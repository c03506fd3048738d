import type { KeyObject } from 'node:crypto';
import type { SigningKeyAlgorithm } from '@credstream/issuance/application';

/** One batch: the payloads' JSON, signed in order under one header with one key (cloned into the thread). */
export interface SignRequest {
  kind: 'sign';
  id: number;
  alg: SigningKeyAlgorithm;
  privateKey: KeyObject;
  encodedHeader: string;
  payloads: string[];
}

export type SignReply =
  { kind: 'ready' } | { kind: 'signed'; id: number; jwts: string[] } | { kind: 'failed'; id: number; error: string };
