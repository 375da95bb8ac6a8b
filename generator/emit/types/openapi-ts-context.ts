import { resolveRef, scanDiscriminators, type GlobalContext, type OpenAPI3 } from 'openapi-typescript';

/** What `openapiTS()` hands its transforms, built as openapi-typescript 7 builds it from options
 * left at their defaults, but `silent` and `transform`. We call its `transformSchema` with this
 * instead of `openapiTS()`, which first runs Redocly's lint (its "minimal" rules) and bundle over
 * the document: 0.4 CPU-s of a cold generate, on a document our own stages have already bundled
 * (no external refs: the bundle gives it back unchanged) and checked. The output is byte for byte
 * `openapiTS()`'s (test/emit/openapi-dts-key.test.ts compares them on our spec and three
 * third-party ones). A field added to GlobalContext by a new release fails the type check here. */
export function openapiTsContext(document: OpenAPI3, transform: GlobalContext['transform']): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    defaultNonNullable: true,
    discriminators: scanDiscriminators(document, {}),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Read only by the lint and bundle skipped here, never by a transform.
    redoc: undefined as unknown as GlobalContext['redoc'],
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    silent: true,
    inject: undefined,
    transform,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(document, $ref, { silent: true }),
  };
}
