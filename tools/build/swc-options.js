// One swc configuration for every place TypeScript is compiled (webpack builds, jest), so the
// code under test is compiled exactly as the code that ships. Nest and TypeORM need legacy
// decorators with emitted metadata; TypeORM migrations need their class names kept.
module.exports = {
  sourceMaps: true,
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
    },
  },
};
