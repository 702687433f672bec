/** The CLI entry: main plus every subcommand. bin/caretrust.js loads this file. */
export { main } from "./main";
import "./board";
import "./init";
