import type { Failure } from '../checks/check-result';

export type StatusEntryType = 'BitstringStatusListEntry' | 'StatusList2021Entry';

/** One readable `credentialStatus` entry of a status list type we check. */
export interface StatusEntry {
  type: StatusEntryType;
  purpose: string;
  index: number;
  listUrl: string;
}

export interface StatusEntries {
  entries: StatusEntry[];
  /** Entries of a kind we do not check (e.g. 1EdTechRevocationList), by type. */
  unsupported: string[];
  /** Entries of a supported type that cannot be read. */
  invalid: Failure[];
}

const SUPPORTED: ReadonlySet<string> = new Set<StatusEntryType>(['BitstringStatusListEntry', 'StatusList2021Entry']);

/** The credential's status entries (one object or an array), sorted into those we check and those we cannot. */
export function statusEntriesOf(credential: Record<string, unknown>): StatusEntries {
  const status = credential['credentialStatus'];
  const items: unknown[] = Array.isArray(status) ? status : status === undefined ? [] : [status];
  const result: StatusEntries = { entries: [], unsupported: [], invalid: [] };
  for (const item of items) {
    const entry = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const type = typeof entry['type'] === 'string' ? entry['type'] : String(entry['type']);
    if (!SUPPORTED.has(type)) {
      result.unsupported.push(type);
      continue;
    }
    const index = indexOf(entry['statusListIndex']);
    const listUrl = entry['statusListCredential'];
    const purpose = entry['statusPurpose'];
    if (index === undefined || typeof listUrl !== 'string' || !listUrl || typeof purpose !== 'string') {
      result.invalid.push({
        code: 'STATUS_ENTRY_INVALID',
        message: `the ${type} needs statusPurpose, a non-negative integer statusListIndex and statusListCredential`,
      });
      continue;
    }
    result.entries.push({ type: type as StatusEntryType, purpose, index, listUrl });
  }
  return result;
}

/** A string of digits per the specs; a plain number is tolerated (the 1EdTech examples use one). */
function indexOf(value: unknown): number | undefined {
  const index = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}
