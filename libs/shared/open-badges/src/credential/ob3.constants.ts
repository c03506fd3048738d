export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Spec order: the VC 2.0 context first, then the OB 3.0.3 context. */
export const OPEN_BADGE_CREDENTIAL_CONTEXTS = [VC_V2_CONTEXT, OB3_CONTEXT] as const;

/** Published (purl) URL of the official AchievementCredential schema, as credentials reference it. */
export const ACHIEVEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const ONE_EDTECH_SCHEMA_VALIDATOR_TYPE = '1EdTechJsonSchemaValidator2019';
