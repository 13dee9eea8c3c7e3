// The soak test's probe, preloaded into each process of the real build (`node --expose-gc -r <this> main.js`).
// Every WAAKVLAM_PROBE_INTERVAL_MS it appends one JSON line to <WAAKVLAM_PROBE_DIR>/probe-<pid>.jsonl: the
// event-loop delay since the last line (p50, p99, max beyond monitorEventLoopDelay's 10 ms resolution), then, after a
// full garbage collection, the resident set and the V8 heap. Test tooling only: the product never loads it.
const fs = require('node:fs');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const dir = process.env.WAAKVLAM_PROBE_DIR;
if (dir) {
  const file = path.join(dir, `probe-${process.pid}.jsonl`);
  const every = Number(process.env.WAAKVLAM_PROBE_INTERVAL_MS) || 10000;
  const RESOLUTION_MS = 10;
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  // The histogram records the time between the sampling timer's turns (an idle loop shows ~10 ms): the delay is
  // what exceeds the resolution.
  const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
  const sample = () => {
    // The delay first: the collection below pauses the loop, and its pause falls in the next window, where one
    // pause of a few tens of ms is far below the 99th percentile of ~1,000 samples.
    const lag = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
    delay.reset();
    if (typeof global.gc === 'function') global.gc();
    const m = process.memoryUsage();
    const line = {
      t: Date.now(),
      pid: process.pid,
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      lagP50Ms: lag.p50,
      lagP99Ms: lag.p99,
      lagMaxMs: lag.max,
    };
    try {
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // The run directory is gone: the soak test has ended.
    }
  };
  setTimeout(sample, 1000).unref();
  setInterval(sample, every).unref();
}
