import { MultiBar, Presets, SingleBar } from 'cli-progress';

/** One progress bar per demo step, on stderr, readable in a plain log too. */
export class Progress {
  private readonly bars = new MultiBar(
    {
      format: ' {step} |{bar}| {value}/{total} {note}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: true,
      noTTYOutput: true,
      notTTYSchedule: 5_000,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );

  bar(step: string, total: number): SingleBar {
    return this.bars.create(total, 0, { step: step.padEnd(28), note: '' });
  }

  stop(): void {
    this.bars.stop();
  }
}
