// The one web API core uses: WHATWG TextDecoder (browsers, workers and Node alike). Declared here
// because core is type-checked with lib ES2022 only (no DOM, no Node types).
interface TextDecodeOptions {
  stream?: boolean;
}

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}

// eslint-disable-next-line no-var -- an ambient global is declared with var, as lib.dom.d.ts does
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
