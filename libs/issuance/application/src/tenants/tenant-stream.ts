export const TENANT_AGGREGATE = 'tenant';
export const tenantStreamId = (tenantId: string): string => `tenant-${tenantId}`;
