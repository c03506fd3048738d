import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { contractFor } from '../catalogue/event-catalogue';
import type { EventContract } from '../catalogue/event-contract';
import type { EventEnvelope } from '../envelope';
import { ENVELOPE_SCHEMA } from '../envelope.schema';

/** One thing wrong with an event, with the JSON path of the field at fault (e.g. `data.recipient.email`). */
export interface ValidationProblem {
  path: string;
  message: string;
}

export type EventValidation = { valid: true; event: EventEnvelope } | { valid: false; problems: ValidationProblem[] };

const ajv = addFormats(new Ajv({ allErrors: true, strict: true, strictRequired: false }));
const validateEnvelope = ajv.compile(ENVELOPE_SCHEMA);
const dataValidators = new Map<string, ValidateFunction>();

/**
 * Validates an event against the envelope and its type's contract — on publish and on consume.
 * With `topic`, the event must also belong on that topic.
 */
export function validateEvent(candidate: unknown, options: { topic?: string } = {}): EventValidation {
  if (!validateEnvelope(candidate)) return invalid(problemsOf(validateEnvelope.errors));
  const event = candidate as unknown as EventEnvelope;
  const contract = contractFor(event.type);
  if (!contract) return invalid([{ path: 'type', message: `unknown event type "${event.type}"` }]);
  const problems = [...placementProblems(event, contract, options.topic), ...dataProblems(event, contract)];
  return problems.length === 0 ? { valid: true, event } : invalid(problems);
}

function placementProblems(
  event: EventEnvelope,
  contract: EventContract,
  topic: string | undefined,
): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (topic !== undefined && topic !== contract.topic) {
    problems.push({ path: 'type', message: `${event.type} belongs on topic ${contract.topic}, not ${topic}` });
  }
  const sourceFits =
    contract.source === 'partner' ? event.source.startsWith('partner:') : event.source === contract.source;
  if (!sourceFits) {
    const expected = contract.source === 'partner' ? 'partner:<system-id>' : contract.source;
    problems.push({ path: 'source', message: `${event.type} must come from ${expected}, not ${event.source}` });
  }
  if (event.aggregateType !== contract.aggregateType) {
    problems.push({ path: 'aggregateType', message: `must be "${contract.aggregateType}" for ${event.type}` });
  }
  return problems;
}

function dataProblems(event: EventEnvelope, contract: EventContract): ValidationProblem[] {
  let validate = dataValidators.get(contract.type);
  if (!validate) {
    validate = ajv.compile(contract.dataSchema);
    dataValidators.set(contract.type, validate);
  }
  return validate(event.data) ? [] : problemsOf(validate.errors, 'data');
}

function problemsOf(errors: ErrorObject[] | null | undefined, prefix = ''): ValidationProblem[] {
  return (errors ?? []).map((error) => {
    const segments = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'required') segments.push(String(error.params['missingProperty']));
    const path = [prefix, ...segments].filter(Boolean).join('.') || '(event)';
    return { path, message: error.message ?? error.keyword };
  });
}

function invalid(problems: ValidationProblem[]): EventValidation {
  return { valid: false, problems };
}
