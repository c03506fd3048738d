import { readOb3ExampleJson, loadOb3Schemas } from '../testing/ob3-standards.fixtures';
import { sampleCredential } from '../testing/sample-credentials';
import { UnknownSchemaError, createOb3SchemaValidator } from './ob3-schema.validator';

describe('OB 3.0 schema validator', () => {
  const validator = createOb3SchemaValidator(loadOb3Schemas());

  it.each(['simple.json', 'complete.json', 'simple-did-key-method.json'])('accepts the official example %s', (file) => {
    expect(validator.validate(readOb3ExampleJson(file))).toEqual({ valid: true, errors: [] });
  });

  it('refuses the VCDM 1.1 example and names the fault', () => {
    const result = validator.validate(readOb3ExampleJson('simple_v1.json'));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: '' })]));
  });

  it('reports the path of a broken field', () => {
    const credential = sampleCredential();
    const broken = {
      ...credential,
      validFrom: 'yesterday',
      credentialSubject: { ...credential.credentialSubject, achievement: { id: 'x' } },
    };
    const paths = validator.validate(broken).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/validFrom', '/credentialSubject/achievement']));
  });

  it('resolves schemas by purl URL, $id and file name', () => {
    const endorsement = readOb3ExampleJson('endorsement-valid.json');
    expect(
      validator.validate(
        endorsement,
        'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json',
      ).valid,
    ).toBe(true);
    expect(validator.validate(endorsement, 'endorsementcredential.json').valid).toBe(true);
    expect(
      validator.has(
        'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential-jsonschema1.json',
      ),
    ).toBe(true);
    expect(() => validator.validate({}, 'https://example.com/schema.json')).toThrow(UnknownSchemaError);
  });
});
