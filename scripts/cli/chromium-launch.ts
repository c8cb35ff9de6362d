// How this project starts Debian's chromium (never a downloaded browser), for the print CLI and the
// end-to-end tests alike: software WebGL (SwiftShader) on a GPU-less machine, and every host name
// except 127.0.0.1 resolving to nothing, so a request off the page's origin fails fast.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
