import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiResponse } from '@nestjs/swagger';

/** OpenAPI for the refusals an aggregate update can get. */
export function ApiUpdateProblems(resource: string): MethodDecorator {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'REQUEST_INVALID or a domain code, naming the field at fault.' }),
    ApiNotFoundResponse({
      description: `${resource}_NOT_FOUND (also for another tenant's ${resource.toLowerCase()}).`,
    }),
    ApiConflictResponse({ description: 'A state conflict (e.g. *_ARCHIVED) or CONCURRENT_MODIFICATION.' }),
    ApiResponse({ status: 412, description: 'PRECONDITION_FAILED: If-Match names an older version.' }),
  );
}
