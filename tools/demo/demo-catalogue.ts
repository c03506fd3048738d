/**
 * The demo's institutions and what they award. Skills are ESCO skill groups (the skills pillar's
 * hierarchy codes) and ISCED-F fields for knowledge, the framework ESCO's knowledge groups follow.
 */
export interface DemoSkill {
  name: string;
  code: string;
  url: string;
}

export interface DemoAchievement {
  key: string;
  name: string;
  description: string;
  achievementType: string;
  courseId: string;
  minimumScore: number;
  skills: DemoSkill[];
  tags: string[];
}

export interface DemoInstitution {
  tenantId: string;
  name: string;
  country: string;
  sector: string;
  issuerUrl: string;
  achievements: DemoAchievement[];
}

const skillGroup = (code: string, name: string): DemoSkill => ({
  code,
  name,
  url: `http://data.europa.eu/esco/skill/${code}`,
});
const knowledgeField = (code: string, name: string): DemoSkill => ({
  code,
  name,
  url: `http://data.europa.eu/esco/isced-f/${code}`,
});

const SKILLS = {
  computers: skillGroup('S5', 'working with computers'),
  programming: skillGroup('S5.6', 'programming computer systems'),
  information: skillGroup('S2', 'information skills'),
  analysing: skillGroup('S2.7', 'analysing and evaluating information and data'),
  communication: skillGroup('S1', 'communication, collaboration and creativity'),
  management: skillGroup('S4', 'management skills'),
  assisting: skillGroup('S3', 'assisting and caring'),
  constructing: skillGroup('S7', 'constructing'),
  machinery: skillGroup('S8', 'working with machinery and specialised equipment'),
  software: knowledgeField('0613', 'software and applications development and analysis'),
  databases: knowledgeField('0612', 'database and network design and administration'),
  accounting: knowledgeField('0411', 'accounting and taxation'),
  businessAdmin: knowledgeField('0413', 'management and administration'),
  nursing: knowledgeField('0913', 'nursing and midwifery'),
  environment: knowledgeField('0521', 'environmental sciences'),
  civilEngineering: knowledgeField('0732', 'building and civil engineering'),
  electricity: knowledgeField('0713', 'electricity and energy'),
  languages: knowledgeField('0231', 'language acquisition'),
};

const achievement = (
  key: string,
  name: string,
  achievementType: string,
  courseId: string,
  skills: DemoSkill[],
  tags: string[],
  minimumScore = 60,
): DemoAchievement => ({
  key,
  name,
  description: `Awarded on completing ${name} with a score of at least ${minimumScore}.`,
  achievementType,
  courseId,
  minimumScore,
  skills,
  tags,
});

export const DEMO_INSTITUTIONS: DemoInstitution[] = [
  {
    tenantId: 'demo-lisbon-polytechnic',
    name: 'Lisbon Polytechnic Institute',
    country: 'PT',
    sector: 'higher-education',
    issuerUrl: 'https://lisbon-polytechnic.example.org',
    achievements: [
      achievement(
        'py',
        'Data Analysis with Python',
        'Course',
        'LPI-DATA-101',
        [SKILLS.programming, SKILLS.analysing, SKILLS.software],
        ['data', 'python'],
      ),
      achievement(
        'sql',
        'Relational Databases and SQL',
        'Course',
        'LPI-DB-110',
        [SKILLS.databases, SKILLS.computers],
        ['data', 'sql'],
      ),
      achievement(
        'web',
        'Full-Stack Web Development',
        'Certificate',
        'LPI-WEB-200',
        [SKILLS.programming, SKILLS.software],
        ['web'],
      ),
      achievement(
        'cloud',
        'Cloud Foundations',
        'Badge',
        'LPI-CLD-120',
        [SKILLS.computers, SKILLS.databases],
        ['cloud'],
      ),
      achievement(
        'ml',
        'Applied Machine Learning',
        'Certificate',
        'LPI-ML-300',
        [SKILLS.analysing, SKILLS.programming, SKILLS.software],
        ['data', 'ai'],
        70,
      ),
      achievement(
        'ux',
        'User Experience Design',
        'Course',
        'LPI-UX-130',
        [SKILLS.communication, SKILLS.information],
        ['design'],
      ),
      achievement(
        'pm',
        'Agile Project Management',
        'Badge',
        'LPI-PM-140',
        [SKILLS.management, SKILLS.businessAdmin],
        ['management'],
      ),
    ],
  },
  {
    tenantId: 'demo-bavarian-trade-academy',
    name: 'Bavarian Trade Academy',
    country: 'DE',
    sector: 'vocational-training',
    issuerUrl: 'https://bavarian-trade-academy.example.org',
    achievements: [
      achievement(
        'solar',
        'Solar PV Installation',
        'License',
        'BTA-PV-01',
        [SKILLS.electricity, SKILLS.constructing],
        ['green', 'energy'],
      ),
      achievement(
        'heat',
        'Heat Pump Technician',
        'Certificate',
        'BTA-HP-02',
        [SKILLS.machinery, SKILLS.electricity],
        ['green', 'energy'],
      ),
      achievement('cnc', 'CNC Machining', 'Certificate', 'BTA-CNC-03', [SKILLS.machinery], ['manufacturing']),
      achievement(
        'bim',
        'Building Information Modelling',
        'Course',
        'BTA-BIM-04',
        [SKILLS.civilEngineering, SKILLS.computers],
        ['construction'],
      ),
      achievement(
        'safety',
        'Site Safety Supervisor',
        'License',
        'BTA-SAF-05',
        [SKILLS.management, SKILLS.constructing],
        ['construction'],
        75,
      ),
      achievement(
        'ev',
        'Electric Vehicle Maintenance',
        'Badge',
        'BTA-EV-06',
        [SKILLS.machinery, SKILLS.electricity],
        ['green', 'mobility'],
      ),
      achievement(
        'german',
        'Technical German B2',
        'Course',
        'BTA-DE-07',
        [SKILLS.languages, SKILLS.communication],
        ['language'],
      ),
    ],
  },
  {
    tenantId: 'demo-nairobi-digital-school',
    name: 'Nairobi School of Digital Skills',
    country: 'KE',
    sector: 'higher-education',
    issuerUrl: 'https://nairobi-digital.example.org',
    achievements: [
      achievement(
        'fin',
        'Digital Bookkeeping',
        'Course',
        'NDS-FIN-10',
        [SKILLS.accounting, SKILLS.computers],
        ['finance'],
      ),
      achievement(
        'mobile',
        'Mobile App Development',
        'Certificate',
        'NDS-MOB-20',
        [SKILLS.programming, SKILLS.software],
        ['mobile'],
      ),
      achievement(
        'care',
        'Community Health Assistant',
        'Certificate',
        'NDS-CHA-30',
        [SKILLS.assisting, SKILLS.nursing],
        ['health'],
        70,
      ),
      achievement(
        'agri',
        'Climate-Smart Agriculture Data',
        'Badge',
        'NDS-AGR-40',
        [SKILLS.environment, SKILLS.analysing],
        ['green', 'data'],
      ),
      achievement(
        'sec',
        'Cybersecurity Essentials',
        'Badge',
        'NDS-SEC-50',
        [SKILLS.computers, SKILLS.databases],
        ['security'],
      ),
      achievement(
        'biz',
        'Entrepreneurship and Small Business',
        'Course',
        'NDS-BIZ-60',
        [SKILLS.businessAdmin, SKILLS.management],
        ['business'],
      ),
    ],
  },
];

/** Employers that verify credentials and hire; sector and country feed the analytics. */
export const DEMO_EMPLOYERS = [
  { name: 'Atlântico Data', sector: 'information-technology', country: 'PT', size: '50-249' },
  { name: 'Iberia Bank', sector: 'financial-services', country: 'ES', size: '250+' },
  { name: 'Südwerk Energie', sector: 'energy', country: 'DE', size: '250+' },
  { name: 'Alpenbau', sector: 'construction', country: 'AT', size: '50-249' },
  { name: 'Rhein Mobility', sector: 'automotive', country: 'DE', size: '250+' },
  { name: 'Savannah Health', sector: 'healthcare', country: 'KE', size: '50-249' },
  { name: 'Mara Fintech', sector: 'financial-services', country: 'KE', size: '10-49' },
  { name: 'Lagos Logistics', sector: 'logistics', country: 'NG', size: '250+' },
  { name: 'Nordic Green Build', sector: 'construction', country: 'SE', size: '10-49' },
  { name: 'Paris Analytics Lab', sector: 'information-technology', country: 'FR', size: '10-49' },
] as const;

/** Where public credential pages are viewed from (weights sum to 1). */
export const VIEWER_COUNTRIES: [string, number][] = [
  ['PT', 0.16],
  ['DE', 0.18],
  ['KE', 0.14],
  ['ES', 0.08],
  ['FR', 0.08],
  ['GB', 0.1],
  ['US', 0.12],
  ['NG', 0.06],
  ['BR', 0.05],
  ['IN', 0.03],
];
