import type { ReferrerClass } from '../share-link/share-link.events';

// Crawlers, link-preview fetchers and monitoring: their requests are not views.
const BOT_USER_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|embedly|quora link preview|whatsapp|telegrambot|skypeuripreview|linkedinbot|twitterbot|slackbot|discordbot|headlesschrome|lighthouse|pingdom|uptimerobot|python-requests|curl\/|wget\//i;

export const isKnownBot = (userAgent: string | undefined): boolean =>
  userAgent === undefined || userAgent.trim() === '' || BOT_USER_AGENT.test(userAgent);

const SOCIAL =
  /(^|\.)(linkedin\.com|lnkd\.in|twitter\.com|x\.com|t\.co|facebook\.com|fb\.me|instagram\.com|reddit\.com)$/;
const SEARCH =
  /(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|ecosia\.org|baidu\.com|yandex\.[a-z]+)$/;
const EMAIL = /(^|\.)(mail\.google\.com|outlook\.live\.com|outlook\.office\.com|mail\.yahoo\.com)$/;

export interface Referrer {
  host: string | null;
  referrerClass: ReferrerClass;
}

/** The referring host and its class; a referrer on our own host counts as none. Never the path. */
export function referrerOf(refererHeader: string | undefined, ownHost: string | undefined): Referrer {
  if (!refererHeader) return { host: null, referrerClass: 'none' };
  let host: string;
  try {
    host = new URL(refererHeader).hostname.toLowerCase();
  } catch {
    return { host: null, referrerClass: 'none' };
  }
  if (host === '' || (ownHost !== undefined && host === ownHost.toLowerCase().replace(/:\d+$/, ''))) {
    return { host: null, referrerClass: 'none' };
  }
  if (EMAIL.test(host)) return { host, referrerClass: 'email' };
  if (SOCIAL.test(host)) return { host, referrerClass: 'social' };
  if (SEARCH.test(host)) return { host, referrerClass: 'search' };
  return { host, referrerClass: 'other' };
}

const COUNTRY = /^[A-Z]{2}$/;
const LANGUAGE_REGION = /^[a-z]{2,3}-([a-z]{2})(?:[;,-]|$)/i;

/**
 * The viewer's country: from the trusted edge header (e.g. CF-IPCountry) when it holds an ISO code,
 * else the region of the first Accept-Language entry (`en-GB` → GB), else unknown.
 */
export function countryOf(trustedHeader: string | undefined, acceptLanguage: string | undefined): string | null {
  const edge = trustedHeader?.trim().toUpperCase();
  if (edge && COUNTRY.test(edge) && edge !== 'XX' && edge !== 'T1') return edge;
  const region = LANGUAGE_REGION.exec(acceptLanguage?.trim() ?? '')?.[1]?.toUpperCase();
  return region && COUNTRY.test(region) ? region : null;
}
