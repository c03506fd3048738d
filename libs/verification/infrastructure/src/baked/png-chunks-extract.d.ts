declare module 'png-chunks-extract' {
  /** The chunks of a PNG, in file order; throws on a bad signature, a truncated chunk or a CRC mismatch. */
  function extractChunks(data: Uint8Array): { name: string; data: Uint8Array }[];
  export = extractChunks;
}
