/**
 * Converts what an engine hands back into plain JS values, so both engines give the
 * layers above the same shapes. Internal to the drivers.
 */
import type { Value } from '../runner';

/** Integers past 2^53 become strings rather than silently losing precision. */
export function plainNumber(n: bigint): number | string {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(n)
    : n.toString();
}

/** Recursively converts bigints, Dates and typed arrays into plain values; byte arrays become Buffers. */
export function toPlain(v: unknown, convertObject?: (o: object) => Value | undefined): Value {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return v;
    case 'bigint':
      return plainNumber(v);
    case 'object': {
      const custom = convertObject?.(v);
      if (custom !== undefined) return custom;
      if (Array.isArray(v)) return v.map((x) => toPlain(x, convertObject));
      if (v instanceof Date) return v.toISOString();
      // Byte arrays (a document's compressed text) stay bytes, whichever view the engine uses.
      if (v instanceof Uint8Array || v instanceof Int8Array)
        return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
      if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
      const out: Record<string, Value> = {};
      for (const [k, x] of Object.entries(v)) out[k] = toPlain(x, convertObject);
      return out;
    }
    default:
      return String(v);
  }
}
