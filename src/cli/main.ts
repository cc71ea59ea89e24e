/** The `sujarit` command. Users never see a stack trace: every failure is a sentence and an exit code. */
import { WorkbookOpenError } from "../hosts/xlsx/xlsx-workbook";
import { UsageError } from "./args";
import { annualListCommand } from "./commands/annual-list";
import { consolidateCommand } from "./commands/consolidate";
import { importCommand } from "./commands/import";
import { inspectCommand } from "./commands/inspect";
import { progressCommand } from "./commands/progress";
import { reportCommand } from "./commands/report";
import { riskCommand } from "./commands/risk";
import { templateCommand } from "./commands/template";
import { validateCommand } from "./commands/validate";
import { EXIT, type Io } from "./io";
import { writeErrorSentence } from "./safe-write";

export { EXIT, type Io };

const EXIT_LINE = "รหัสออก / Exit codes: 0 ok · 1 findings at or above the threshold · 2 unreadable input or wrong usage";

const HELP = `สุจริต (Sujarit) — แผนปฏิบัติการป้องกันการทุจริตของ อปท.

การใช้งาน / Usage:
  sujarit template --org <ชื่อ> --type <อบต.|เทศบาลตำบล|…> --district <อำเภอ> --province <จังหวัด>
                   --first-year <พ.ศ.> [--years 4|5] [--framework 2566-2570|2561-2564]
                   [--division <ส่วนราชการ>] --out <plan.xlsx> [--force]
  sujarit inspect <plan.xlsx> [--lang th|en] [--json]
  sujarit import <old-plan.xlsx> --out <plan.xlsx> [--org …] [--type …] [--district …] [--province …] [--force] [--json]
  sujarit consolidate <master.xlsx> <division.xlsx>… [--out merged.xlsx] [--force] [--dry-run] [--json]
  sujarit progress <plan.xlsx> [--fy <พ.ศ.>] [--owner <หน่วยงาน>] [--lang th|en] [--json]
                   (a division's items: allocation, cumulative disbursement, latest status, months reported)
  sujarit progress <plan.xlsx> --add --code <รหัส> --month <1-12|ต.ค.…> --status <done|inProgress|notStarted|notPossible>
                   [--fy …] [--pct …] [--disbursed …] [--allocation …] [--result …] [--start d/m/พ.ศ.] [--end …] [--force]
                   (appends one ผลรายเดือน row after the checks; errors and an existing item+month refuse)
  sujarit progress <plan.xlsx> --edit --code <รหัส> --fy <พ.ศ.> --month <1-12|ต.ค.…> [--row <n>] [--status …] [--pct …]
                   [--disbursed …] [--allocation …] [--result …] [--problems …] … [--force]
                   (rewrites that saved row in place after the same checks; options not given stay as saved)
  sujarit progress <plan.xlsx> --remove --code <รหัส> --fy <พ.ศ.> --month <1-12|ต.ค.…> [--row <n>]
                   (removes that saved row; the rows below move up; a row changed since it was read is refused)
  sujarit report <plan.xlsx> [--fy <พ.ศ.>] [--round 6|12] [--out <report.xlsx>] [--force] [--check-only]
                   [--replace-user-sheets] [--lang th|en] [--json] [--cards] [--pdf <report.pdf>]
                   [--without risk,annual-list,eplan-summary,overview] [--report-only <report-only.xlsx>]
                   (every report sheet for the year and round; a draft, exit 1, when the checks find errors or
                   the report has gaps: items not reported, placeholder signer; --cards adds the project cards;
                   --without leaves out appendices the official report does not have, and the contents letter the rest;
                   --report-only writes the report sheets alone as a workbook to print whole, figures as values;
                   --pdf renders the report sheets alone with LibreOffice, package libreoffice-calc)
  sujarit annual-list <list.xlsx> --plan <plan.xlsx> [--lang th|en] [--json]
                   (an e-PlanNACC annual list checked against the plan: a Sujarit workbook or a plan table)
  sujarit risk <plan.xlsx> [--lang th|en] [--json] [--out <report.xlsx>] [--force] [--add-from-library <id,id…>]
                   (heat maps and the risk table; --out writes a copy with the การประเมินความเสี่ยง sheet)
  sujarit risk --library [--lang th|en] [--json]   (the typical risks --add-from-library takes)
  sujarit risk <plan.xlsx> --edit <รหัสความเสี่ยง> [--likelihood n] [--impact n] [--controls …] [--control-rating good|fair|weak]
                   [--residual-likelihood n] [--residual-impact n] [--mitigations 1.1.1,2.2.6] [--owner …] [--event …] [--process …] [--force]
                   (rewrites that risk in place after the register's checks; its score and level formulas stay)
  sujarit risk <plan.xlsx> --remove <รหัสความเสี่ยง>   (removes that risk in place; the rows below move up)
  sujarit validate <file-or-folder>… [--format text|json|csv] [--fail-on error|warning|info] [--lang th|en] [--jobs N]

${EXIT_LINE}`;

const COMMANDS = ["template", "inspect", "import", "consolidate", "progress", "report", "annual-list", "risk", "validate"] as const;

/** A command's part of HELP: its usage lines and the notes under them. */
export function commandUsage(command: string): string | undefined {
  const lines = HELP.split("\n");
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {2}sujarit /.test(line)) inside = line.startsWith(`  sujarit ${command} `) || line === `  sujarit ${command}`;
    else if (!/^ {3,}/.test(line)) inside = false;
    if (inside) out.push(line);
  }
  return out.length > 0 ? out.join("\n") : undefined;
}

/** A command's usage for a usage error: one line per form of the command (its line of HELP and the options continuing it). */
function usageLine(command: string): string | undefined {
  const block = commandUsage(command);
  if (!block) return undefined;
  // each form of the command on one line: its first line and the option lines that continue it (not the notes
  // in brackets) — a command of several forms (progress --add/--edit/--remove, risk --edit/--remove) shows them all
  const forms: string[][] = [];
  let inNotes = false;
  for (const l of block.split("\n")) {
    if (/^ {2}sujarit /.test(l)) {
      forms.push([l.replace(/\s{2,}\(.*\)\s*$/, "").trim()]); // a note on the same line is --help's too
      inNotes = false;
    } else if (/^\s+\(/.test(l) || inNotes) {
      inNotes = true;
    } else {
      forms.at(-1)?.push(l.trim());
    }
  }
  return forms.map((f) => f.join(" ")).join(`\n${" ".repeat("การใช้งาน / Usage: ".length)}`);
}

const wantsHelp = (args: readonly string[]) => args.includes("--help") || args.includes("-h");

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && (COMMANDS as readonly string[]).includes(command) && wantsHelp(rest)) {
    io.out(`${commandUsage(command) ?? ""}\n\n${EXIT_LINE}`);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case "template":
        return await templateCommand(rest, io);
      case "inspect":
        return await inspectCommand(rest, io);
      case "validate":
        return await validateCommand(rest, io);
      case "import":
        return await importCommand(rest, io);
      case "risk":
        return await riskCommand(rest, io);
      case "annual-list":
        return await annualListCommand(rest, io);
      case "consolidate":
        return await consolidateCommand(rest, io);
      case "report":
        return await reportCommand(rest, io);
      case "progress":
        return await progressCommand(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? EXIT.unreadable : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}" / ไม่รู้จักคำสั่ง "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      // the sentence and the one line of this command's usage (the whole usage is `sujarit --help`)
      const line = command !== undefined ? usageLine(command) : undefined;
      io.err(line
        ? `sujarit: ${e.message}\nการใช้งาน / Usage: ${line}\n(sujarit ${command} --help)`
        : `sujarit: ${e.message}\nคำสั่ง / Commands: ${COMMANDS.join(", ")} (sujarit --help)`);
      return EXIT.unreadable;
    }
    if (e instanceof WorkbookOpenError) {
      io.err(`sujarit: ${e.message}`);
      return EXIT.unreadable;
    }
    // a file system error that escaped a command's own handling: still a sentence naming the file
    const errno = e as NodeJS.ErrnoException;
    if (typeof errno?.code === "string" && typeof errno.path === "string") {
      io.err(`sujarit: ${writeErrorSentence(errno.path, e)}`);
      return EXIT.unreadable;
    }
    // anything else is our bug: say so plainly, keep the detail for the report
    io.err(`sujarit: เกิดข้อผิดพลาดภายในโปรแกรม / internal error: ${(e as Error).message}`);
    return EXIT.unreadable;
  }
}

