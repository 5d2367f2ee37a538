// Types for seedrandom's stand-alone alea module. Importing `seedrandom/lib/alea.js` directly
// (rather than the package root) loads only alea, not the slow ARC4 default generator and its
// `crypto` lookup; @types/seedrandom only types the package root, so this file types the one
// module we use with the root's own `alea` signature.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';

  const alea: seedrandom['alea'];
  export default alea;
}
