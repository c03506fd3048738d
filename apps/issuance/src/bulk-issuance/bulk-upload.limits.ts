export interface BulkUploadLimits {
  maxBytes: number;
}

export const BULK_UPLOAD_LIMITS = Symbol('BULK_UPLOAD_LIMITS');
