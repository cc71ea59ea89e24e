/** Running the `sujarit` CLI in-process, as the CLI tests do: its exit code and what it printed. */
import { main } from "../../src/cli/main";

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
