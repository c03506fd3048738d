import type { Profile } from '@credstream/open-badges';
import type { IssuerProfile } from '@credstream/issuance/domain';

/** The issuer as the OB 3.0 Profile embedded in credentials (`id` is its DID). */
export function ob3Profile(did: string, profile: IssuerProfile): Profile {
  const ob3: Profile = { id: did, type: ['Profile'], name: profile.name };
  if (profile.url) ob3.url = profile.url;
  if (profile.email) ob3.email = profile.email;
  if (profile.description) ob3.description = profile.description;
  if (profile.imageUrl) ob3.image = { id: profile.imageUrl, type: 'Image' };
  return ob3;
}
