/** A worker thread of `sujarit validate`: files in, results out, until the pool closes it. */
import { parentPort } from "node:worker_threads";
import { validateFile } from "./validate-file";

parentPort?.on("message", (file: string) => {
  validateFile(file).then(
    (result) => parentPort?.postMessage(result),
    (e: Error) => parentPort?.postMessage({ file, unreadable: `internal error / ข้อผิดพลาดภายใน: ${e.message}` }),
  );
});
