import type { Connection, mongo } from 'mongoose';
import type { IssuanceRuleRepository, IssuanceRuleView } from '@credstream/issuance/application';

type RuleDocument = Omit<IssuanceRuleView, 'ruleId'> & { _id: string };

/** `issuance_rules`: rules by id, and enabled rules by (tenant, partner course): top-level equality only. */
export class MongoIssuanceRuleRepository implements IssuanceRuleRepository {
  private readonly rules: mongo.Collection<RuleDocument>;

  constructor(connection: Connection) {
    this.rules = connection.collection<RuleDocument>('issuance_rules');
  }

  async save({ ruleId, ...rule }: IssuanceRuleView): Promise<void> {
    await this.rules.replaceOne({ _id: ruleId }, rule, { upsert: true });
  }

  async disable(ruleId: string): Promise<void> {
    await this.rules.updateOne({ _id: ruleId }, { $set: { enabled: false } });
  }

  async get(ruleId: string): Promise<IssuanceRuleView | undefined> {
    const document = await this.rules.findOne({ _id: ruleId });
    return document ? toView(document) : undefined;
  }

  async list(tenantId: string): Promise<IssuanceRuleView[]> {
    return (await this.rules.find({ tenantId }).sort({ _id: 1 }).toArray()).map(toView);
  }

  async enabledForCourse(tenantId: string, partnerCourseId: string): Promise<IssuanceRuleView[]> {
    return (await this.rules.find({ tenantId, partnerCourseId, enabled: true }).toArray()).map(toView);
  }
}

function toView({ _id, ...rule }: RuleDocument): IssuanceRuleView {
  return { ruleId: _id, ...rule };
}
