/**
 * Preloaded into a benchmark child (`node --require bench/rusage.cjs …`): when the process
 * exits, writes its peak resident set size and CPU time to $BENCH_RUSAGE_FILE as JSON. The
 * figures are process-wide, so extraction worker threads are included. Plain CommonJS, so it
 * runs before anything is compiled.
 */
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const file = process.env.BENCH_RUSAGE_FILE;
if (file && isMainThread) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    // maxRSS is in KiB, CPU times in microseconds (Node's resourceUsage contract).
    fs.writeFileSync(
      file,
      JSON.stringify({ maxRssKiB: u.maxRSS, userCpuUs: u.userCPUTime, systemCpuUs: u.systemCPUTime }),
    );
  });
}
