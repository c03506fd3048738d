import type { IssuerReadModel } from './issuer-read-model.port';
import type { IssuerRepository } from './issuer-repository';
import type { IssuerView } from './issuer-view';

/** After a write: the issuer as it now is, saved to the list read model. */
export async function refreshIssuer(
  repository: IssuerRepository,
  readModel: IssuerReadModel,
  tenantId: string,
  issuerId: string,
): Promise<IssuerView> {
  const { view } = await repository.load(tenantId, issuerId);
  await readModel.save(view);
  return view;
}
