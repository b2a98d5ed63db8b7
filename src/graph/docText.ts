/**
 * A document's clean text is stored deflated: it is read only to cut evidence sentences, and
 * as a string it was the largest property of the embedded store (≈ 110 MB of 10,000
 * articles' memory; deflate halves it). node:zlib, no dependency. Internal to the graph stage.
 */
import zlib from 'node:zlib';

export const packText = (text: string): Buffer => zlib.deflateRawSync(Buffer.from(text, 'utf8'));

export const unpackText = (packed: Buffer): string => zlib.inflateRawSync(packed).toString('utf8');
