/**
 * Checks many files on several cores. Parsing .xlsx is the cost of validating a folder, so a province
 * office's folder of hundreds of workbooks goes about as many times faster as there are cores.
 * Workers run the compiled CLI; where there is none (tests run the TypeScript), files are checked in turn.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { type FileResult, validateFile } from "./validate-file";

const WORKER = join(__dirname, "validate-worker.js");
/** Below this many files a worker's start-up costs more than it saves. */
const PARALLEL_FROM = 8;

export function defaultJobs(files: number): number {
  if (files < PARALLEL_FROM || !existsSync(WORKER)) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

export async function validateAll(files: readonly string[], jobs: number, onDone: (done: number) => void): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  let done = 0;
  if (jobs <= 1 || !existsSync(WORKER)) {
    for (const [i, f] of files.entries()) {
      results[i] = await validateFile(f);
      onDone(++done);
    }
    return results;
  }
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new Worker(WORKER));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const feed = () => {
              if (next >= files.length) return resolve();
              current = next++;
              w.postMessage(files[current]);
            };
            w.on("message", (r: FileResult) => {
              results[current] = r;
              onDone(++done);
              feed();
            });
            w.on("error", reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
