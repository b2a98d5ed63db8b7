/**
 * The one log of the process: pino on stderr (stdout stays for command output). JSON lines
 * when stderr is not a terminal, readable lines (pino-pretty) when a person watches it.
 * `log(message)` is the free-text entry point the CLI uses; `logger` is the structured one the
 * server, its access log and Apollo share. Public.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** The levels LOG_LEVEL accepts, most to least severe. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  /** Least severe level written (default info). */
  level?: LogLevel;
  /** Where JSON lines go (default stderr); tests pass a stream to read them. */
  destination?: DestinationStream;
  /** Readable lines instead of JSON (default: when stderr is a terminal and no destination is given). */
  pretty?: boolean;
}

/** A pino logger writing to stderr, or to `options.destination`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const pretty = options.pretty ?? (options.destination === undefined && process.stderr.isTTY === true);
  const base = { name: 'kg' };
  if (pretty) {
    // A stream, not a transport: no worker thread, and lines keep their order with the CLI's.
    const pinoPretty = require('pino-pretty') as typeof import('pino-pretty');
    const stream = pinoPretty({
      destination: options.destination ?? 2,
      colorize: options.destination === undefined,
      ignore: 'pid,hostname,name',
      translateTime: 'SYS:HH:MM:ss.l',
      singleLine: true,
      sync: true,
    });
    return pino({ level, base }, stream);
  }
  return pino({ level, base }, options.destination ?? pino.destination({ fd: 2, sync: true }));
}

let root: Logger | undefined;

/** The process's logger; created at first use at LOG_LEVEL (invalid values fall back to info). */
export function logger(): Logger {
  if (!root) {
    const raw = process.env.LOG_LEVEL;
    const level = LOG_LEVELS.find((l) => l === raw) ?? 'info';
    root = createLogger({ level });
  }
  return root;
}

/** Replaces the process's logger (cli.ts sets it once from the validated configuration). */
export function setLogger(next: Logger): void {
  root = next;
}

/** One info line of free text (stdout stays for command output). Public. */
export function log(message: string): void {
  logger().info(message);
}
