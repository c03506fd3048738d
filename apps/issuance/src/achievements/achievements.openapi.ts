import type { SchemaObject } from '@nestjs/swagger';

const definitionProperties: Record<string, SchemaObject> = {
  name: { type: 'string', example: 'Data Analysis with Python' },
  description: { type: 'string', example: 'Cleans, analyses and visualises data sets with Python.' },
  criteria: {
    type: 'object',
    description: 'A narrative, a URL (id), or both.',
    properties: { narrative: { type: 'string' }, id: { type: 'string', format: 'uri' } },
  },
  achievementType: { type: 'string', example: 'Course', description: 'OB 3.0 achievementType or ext:<Name>' },
  imageUrl: { type: 'string', format: 'uri' },
  tags: { type: 'array', items: { type: 'string' } },
  alignments: {
    type: 'array',
    description: 'Skill framework alignments (ESCO, O*NET...)',
    items: {
      type: 'object',
      required: ['targetName', 'targetUrl'],
      properties: {
        targetName: { type: 'string', example: 'data analytics' },
        targetUrl: {
          type: 'string',
          format: 'uri',
          example: 'http://data.europa.eu/esco/skill/2a4f9e3b-1b9c-4c31-9c33-0fd1d0a7dc5c',
        },
        targetCode: { type: 'string' },
        targetFramework: { type: 'string', example: 'ESCO' },
        targetDescription: { type: 'string' },
      },
    },
  },
  resultDescriptions: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'name', 'resultType'],
      properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        resultType: { type: 'string', example: 'Percent' },
        allowedValues: { type: 'array', items: { type: 'string' } },
        requiredValue: { type: 'string' },
        valueMin: { type: 'string' },
        valueMax: { type: 'string' },
      },
    },
  },
  creditsAvailable: { type: 'number', minimum: 0 },
};

export const ACHIEVEMENT_DEFINITION: SchemaObject = {
  type: 'object',
  required: ['name', 'description', 'criteria'],
  description: 'The whole definition: a revision replaces the previous one wholesale.',
  properties: definitionProperties,
};

export const CREATE_ACHIEVEMENT_REQUEST: SchemaObject = {
  type: 'object',
  required: ['issuerId', 'name', 'description', 'criteria'],
  properties: {
    issuerId: {
      type: 'string',
      format: 'uuid',
      description: 'The issuer that creates and awards it (OB 3.0 creator).',
    },
    ...definitionProperties,
  },
};

export const ACHIEVEMENT_VIEW: SchemaObject = {
  type: 'object',
  properties: {
    achievementId: { type: 'string', format: 'uuid' },
    tenantId: { type: 'string' },
    issuerId: { type: 'string', format: 'uuid' },
    revision: { type: 'integer', description: 'Credentials record the revision they were issued from.' },
    archived: { type: 'boolean' },
    ...definitionProperties,
    version: { type: 'integer', description: 'Also the ETag.' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

export const ACHIEVEMENT_REVISION_VIEW: SchemaObject = {
  type: 'object',
  properties: {
    achievementId: { type: 'string', format: 'uuid' },
    issuerId: { type: 'string', format: 'uuid' },
    revision: { type: 'integer' },
    definedAt: { type: 'string', format: 'date-time' },
    ...definitionProperties,
  },
};
