import { isBlank, isHttpUrl } from '../common/domain-guards';
import { omitUndefined } from '../common/omit-undefined';
import { ACHIEVEMENT_ERROR_CODES as CODES, AchievementError } from './achievement.errors';
import type {
  AchievementAlignment,
  AchievementCriteria,
  AchievementDefinition,
  ResultDescription,
} from './achievement.events';
import { isAchievementType, isResultType } from './ob3-vocabulary';

const trimmed = (value: string | undefined): string | undefined => (isBlank(value) ? undefined : value?.trim());
const nonEmpty = <T>(items: T[] | undefined): T[] | undefined => (items && items.length > 0 ? items : undefined);

/**
 * Checks a definition against what the OB 3.0 schema and the achievement contracts require, and returns it
 * trimmed, with blank optional fields dropped, in a fixed key order (so equal definitions serialise equally).
 */
export function normalizeAchievementDefinition(definition: AchievementDefinition): AchievementDefinition {
  if (isBlank(definition.name))
    throw new AchievementError(CODES.nameRequired, 'an achievement needs a name', { field: 'name' });
  if (isBlank(definition.description)) {
    throw new AchievementError(CODES.descriptionRequired, 'an achievement needs a description', {
      field: 'description',
    });
  }
  const achievementType = trimmed(definition.achievementType);
  if (achievementType !== undefined && !isAchievementType(achievementType)) {
    throw new AchievementError(CODES.typeUnknown, `"${achievementType}" is not an OB 3.0 achievementType (or ext:…)`, {
      field: 'achievementType',
    });
  }
  const imageUrl = trimmed(definition.imageUrl);
  if (imageUrl !== undefined) assertUrl(imageUrl, 'imageUrl');
  const credits = definition.creditsAvailable;
  if (credits !== undefined && !(Number.isFinite(credits) && credits >= 0)) {
    throw new AchievementError(CODES.creditsInvalid, 'creditsAvailable must be a number ≥ 0', {
      field: 'creditsAvailable',
    });
  }
  return omitUndefined({
    name: definition.name.trim(),
    description: definition.description.trim(),
    criteria: criteriaOf(definition.criteria),
    achievementType,
    imageUrl,
    tags: nonEmpty([...new Set((definition.tags ?? []).map((tag) => tag.trim()).filter((tag) => tag.length > 0))]),
    alignments: nonEmpty(definition.alignments?.map(alignmentOf)),
    resultDescriptions: nonEmpty(definition.resultDescriptions?.map(resultDescriptionOf)),
    creditsAvailable: credits,
  });
}

function criteriaOf(criteria: AchievementCriteria | undefined): AchievementCriteria {
  const narrative = trimmed(criteria?.narrative);
  const id = trimmed(criteria?.id);
  if (narrative === undefined && id === undefined) {
    throw new AchievementError(CODES.criteriaRequired, 'criteria need a narrative, a URL, or both', {
      field: 'criteria',
    });
  }
  if (id !== undefined) assertUrl(id, 'criteria.id');
  return omitUndefined({ id, narrative });
}

function alignmentOf(alignment: AchievementAlignment, index: number): AchievementAlignment {
  const field = `alignments[${index}]`;
  if (isBlank(alignment.targetName) || !isHttpUrl(alignment.targetUrl?.trim() ?? '')) {
    throw new AchievementError(CODES.alignmentInvalid, `${field} needs a targetName and an http(s) targetUrl`, {
      field,
    });
  }
  return omitUndefined({
    targetName: alignment.targetName.trim(),
    targetUrl: alignment.targetUrl.trim(),
    targetCode: trimmed(alignment.targetCode),
    targetFramework: trimmed(alignment.targetFramework),
    targetDescription: trimmed(alignment.targetDescription),
  });
}

function resultDescriptionOf(result: ResultDescription, index: number): ResultDescription {
  const field = `resultDescriptions[${index}]`;
  if (isBlank(result.id) || isBlank(result.name) || !isResultType(result.resultType?.trim() ?? '')) {
    throw new AchievementError(
      CODES.resultDescriptionInvalid,
      `${field} needs an id, a name and an OB 3.0 resultType`,
      {
        field,
      },
    );
  }
  const allowedValues = nonEmpty(result.allowedValues?.map((value) => value.trim()));
  const requiredValue = trimmed(result.requiredValue);
  if (allowedValues && requiredValue !== undefined && !allowedValues.includes(requiredValue)) {
    throw new AchievementError(CODES.resultDescriptionInvalid, `${field}.requiredValue is not an allowed value`, {
      field,
    });
  }
  return omitUndefined({
    id: result.id.trim(),
    name: result.name.trim(),
    resultType: result.resultType.trim(),
    allowedValues,
    requiredValue,
    valueMin: trimmed(result.valueMin),
    valueMax: trimmed(result.valueMax),
  });
}

function assertUrl(value: string, field: string): void {
  if (!isHttpUrl(value))
    throw new AchievementError(CODES.urlInvalid, `${field} must be an absolute http(s) URL`, { field });
}
