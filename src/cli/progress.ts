import { SingleBar } from 'cli-progress';

export interface ProgressUpdate {
  phase: string;
  done: number;
  total: number;
}

/** A progress bar for long work; one line per phase when the output is not a terminal (CI logs). */
export function progressBar(): { update(progress: ProgressUpdate): void; stop(): void } {
  const interactive = Boolean(process.stdout.isTTY);
  const bar = new SingleBar({
    format: '  {phase} [{bar}] {percentage}% | {value}/{total}',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    noTTYOutput: false,
  });
  let phase = '';
  let started = false;
  let lastPercent = -1;
  return {
    update(progress) {
      if (!interactive) {
        const percent = progress.total ? Math.floor((progress.done / progress.total) * 4) * 25 : 100;
        if (progress.phase !== phase || percent !== lastPercent) {
          console.log(`  ${progress.phase}: ${progress.done}/${progress.total}`);
          lastPercent = percent;
        }
        phase = progress.phase;
        return;
      }
      if (!started || progress.phase !== phase) {
        if (started) bar.stop();
        bar.start(progress.total, progress.done, { phase: progress.phase.padEnd(14) });
        started = true;
        phase = progress.phase;
      } else {
        bar.update(progress.done);
      }
    },
    stop() {
      if (started && interactive) bar.stop();
    },
  };
}
