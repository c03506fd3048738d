import { z } from 'zod';
import { httpUrl, text } from '../app/http/request-fields';

const alignment = z.object({
  targetName: text(300),
  targetUrl: httpUrl,
  targetCode: text(200).optional(),
  targetFramework: text(200).optional(),
  targetDescription: text(2_000).optional(),
});

const resultDescription = z.object({
  id: text(300),
  name: text(300),
  resultType: text(100),
  allowedValues: z.array(text(200)).max(100).optional(),
  requiredValue: text(200).optional(),
  valueMin: text(100).optional(),
  valueMax: text(100).optional(),
});

/** An OB 3.0 Achievement definition; the domain checks the vocabularies (achievementType, resultType). */
export const achievementDefinitionSchema = z
  .object({
    name: text(300),
    description: text(10_000),
    criteria: z
      .object(
        { narrative: text(10_000).optional(), id: httpUrl.optional() },
        { required_error: 'is required', invalid_type_error: 'must be an object' },
      )
      .refine((criteria) => criteria.narrative !== undefined || criteria.id !== undefined, {
        message: 'needs a narrative, a URL (id), or both',
      }),
    achievementType: text(100).optional(),
    imageUrl: httpUrl.optional(),
    tags: z.array(text(100), { invalid_type_error: 'must be an array of strings' }).max(50).optional(),
    alignments: z.array(alignment, { invalid_type_error: 'must be an array' }).max(100).optional(),
    resultDescriptions: z.array(resultDescription, { invalid_type_error: 'must be an array' }).max(50).optional(),
    creditsAvailable: z.number({ invalid_type_error: 'must be a number' }).min(0, 'must be ≥ 0').max(10_000).optional(),
  })
  .strip();

export const createAchievementRequestSchema = achievementDefinitionSchema.extend({
  issuerId: z.string({ required_error: 'is required', invalid_type_error: 'must be a string' }).uuid('must be a UUID'),
});

export const listAchievementsQuerySchema = z.object({
  issuerId: z.string().uuid('must be a UUID').optional(),
  includeArchived: z
    .enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) })
    .transform((value) => value === 'true')
    .optional(),
});

export const revisionParamSchema = z.object({
  revision: z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be ≥ 1'),
});
