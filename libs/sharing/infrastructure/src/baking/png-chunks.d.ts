declare module 'png-chunks-extract' {
  function extractChunks(data: Uint8Array): { name: string; data: Uint8Array }[];
  export = extractChunks;
}

declare module 'png-chunks-encode' {
  function encodeChunks(chunks: { name: string; data: Uint8Array }[]): Uint8Array;
  export = encodeChunks;
}
