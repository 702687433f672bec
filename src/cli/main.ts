import { ensureCustomFunctionsRuntime } from "../functions/runtime";
ensureCustomFunctionsRuntime();
import { runFn } from "./fn";
import { showValue } from "../intake/safeText";

const USAGE = `caretrust — the Care Trust Calculator on the command line

  caretrust fn NAME ARG...          evaluate a custom function, e.g. caretrust fn SALARY AFC 6 2 2025/26
                                    (a range too large for the command line: @range.json, or - for stdin)
  caretrust fn --help               every function; caretrust fn NAME --help: its arguments
  caretrust board [STAFF.csv|.xlsx] [--scenario scenario.json] [--out pack.xlsx]
                                    write the board pack (no arguments: the shipped sample data)
  caretrust init STAFF --target AFC|NJC
                                    write a starter scenario beside your staff list (never over a file)
`;

type Command = (args: string[]) => Promise<number> | number;

const commands: Record<string, Command> = {
  fn: (args) => {
    const r = runFn(args[0], args.slice(1));
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    return r.exitCode;
  },
};

/** Other modules add subcommands (board) here, keeping main free of their dependencies. */
export function registerCommand(name: string, command: Command): void {
  commands[name] = command;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    process.stderr.write(`Unknown command "${showValue(command, 100)}".\n${USAGE}`);
    return 2;
  }
  return run(rest);
}
