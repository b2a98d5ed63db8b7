/** One-line, timestamped logs on stderr (stdout stays for command output). Public. */
export function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} kg: ${message}\n`);
}
