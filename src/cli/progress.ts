import cliProgress from 'cli-progress';

export type Progress = { update(done: number, total: number, label?: string): void; stop(): void };

/** A progress bar on a terminal; plain "label done/total" lines (at most one per second) otherwise. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ format: '{label} [{bar}] {value}/{total} {percentage}%', stream }, cliProgress.Presets.shades_classic);
    let started = false;
    return {
      update(done, total, label = '') {
        if (!started) {
          bar.start(total, done, { label });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { label });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done, total, label = '') {
      const now = Date.now();
      if (now - last < 1000 && done < total) return;
      last = now;
      stream.write(`${label} ${done}/${total}\n`);
    },
    stop() {},
  };
}
