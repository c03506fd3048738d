import { countryOf, isKnownBot, referrerOf } from './view-classification';

describe('view classification', () => {
  it('filters crawlers and preview fetchers, not browsers', () => {
    expect(isKnownBot('LinkedInBot/1.0 (compatible; Mozilla/5.0)')).toBe(true);
    expect(isKnownBot('facebookexternalhit/1.1')).toBe(true);
    expect(isKnownBot('Mozilla/5.0 (compatible; Googlebot/2.1)')).toBe(true);
    expect(isKnownBot(undefined)).toBe(true);
    expect(isKnownBot('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36')).toBe(false);
  });

  it('classifies the referrer by host only', () => {
    expect(referrerOf('https://www.linkedin.com/feed/?x=secret', 'share.example')).toEqual({
      host: 'www.linkedin.com',
      referrerClass: 'social',
    });
    expect(referrerOf('https://www.google.com/search?q=1', undefined)).toEqual({
      host: 'www.google.com',
      referrerClass: 'search',
    });
    expect(referrerOf('https://share.example/wallet', 'share.example:443')).toEqual({
      host: null,
      referrerClass: 'none',
    });
    expect(referrerOf('not a url', undefined)).toEqual({ host: null, referrerClass: 'none' });
  });

  it('takes the country from the trusted header, else the Accept-Language region', () => {
    expect(countryOf('pt', 'en-GB')).toBe('PT');
    expect(countryOf('XX', 'en-GB,en;q=0.9')).toBe('GB');
    expect(countryOf(undefined, 'de')).toBeNull();
    expect(countryOf('<script>', undefined)).toBeNull();
  });
});
