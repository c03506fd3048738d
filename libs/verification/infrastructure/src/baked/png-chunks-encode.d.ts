declare module 'png-chunks-encode' {
  /** A PNG file of these chunks (the CRCs are computed). */
  function encodeChunks(chunks: { name: string; data: Uint8Array }[]): Uint8Array;
  export = encodeChunks;
}
