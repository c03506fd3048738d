/** OB 3.0 extensible vocabularies, as the achievementcredential JSON Schema enumerates them. */

export const ACHIEVEMENT_TYPES = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;

export const RESULT_TYPES = [
  'GradePointAverage',
  'LetterGrade',
  'Percent',
  'PerformanceLevel',
  'PredictedScore',
  'RawScore',
  'Result',
  'RubricCriterion',
  'RubricCriterionLevel',
  'RubricScore',
  'ScaledScore',
  'Status',
] as const;

/** Extensions follow the spec's naming convention `ext:<name>`. */
const EXTENSION = /^ext:[A-Za-z0-9._|-]+$/;

export const isAchievementType = (value: string): boolean =>
  (ACHIEVEMENT_TYPES as readonly string[]).includes(value) || EXTENSION.test(value);

export const isResultType = (value: string): boolean =>
  (RESULT_TYPES as readonly string[]).includes(value) || EXTENSION.test(value);
