// Stands in for @types/node when src/core is type-checked (tsconfig.core.json's typeRoots): some
// libraries' types (@types/papaparse) reference Node's, which would make `process`, `Buffer` and
// `setTimeout` type-check in core. Core runs in the browser worker too; it must see none of them.
export {};
