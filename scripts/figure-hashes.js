#!/usr/bin/env node
/**
 * Figure hashes: proof that no figure moved (issue 15). Hashes every figure of the engine, the
 * custom functions and the sample board pack over fixed inputs (src/testSupport/figureHashes.ts)
 * and records or checks them in tests/engine/figure-hashes.json.
 *
 *   npx tsc -p tsconfig.cli.json                 (builds lib/, which this script runs)
 *   node scripts/figure-hashes.js --check        compare every set with the recorded hashes
 *   node scripts/figure-hashes.js --write        record them (only when a figure changes on purpose)
 *   add --large to include harmoniseStaff over the benchmark's staff list at 10,000 and 100,000
 *   people (each size in a child process with a 16 GB heap: about 50 s and 3.3 GB at 100,000 today).
 *
 * FIGURE_HASHES_DUMP=dir writes each set's per-item hashes to dir/<set>.tsv (and with
 * FIGURE_HASHES_DUMP_TEXT=1 each item's canonical text to dir/<set>.jsonl) for a diff.
 * Exit status: 0 all match (or written), 1 a set moved, 2 bad usage or lib/ not built.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const RECORD = path.join(ROOT, "tests", "engine", "figure-hashes.json");
const LIB = path.join(ROOT, "lib", "testSupport", "figureHashes.js");
const LARGE_HEAP_MB = 16000;

function harness() {
  if (!fs.existsSync(LIB)) {
    console.error(`${path.relative(process.cwd(), LIB)} is not built: run \`npx tsc -p tsconfig.cli.json\` first.`);
    process.exit(2);
  }
  return require(LIB);
}

/** One large set, in a child process of its own (its own heap limit and peak memory). */
function largeInChild(n) {
  const out = execFileSync(process.execPath, [`--max-old-space-size=${LARGE_HEAP_MB}`, path.join(__dirname, "figure-hashes.js"), "--child-large", String(n)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split("\n").pop());
}

async function main(argv) {
  if (argv[0] === "--child-large") {
    const h = harness();
    const n = Number(argv[1]);
    const started = Date.now();
    const r = h.hashBenchStaff(n, h.largeSetName(n));
    process.stdout.write(JSON.stringify({ ...r, seconds: (Date.now() - started) / 1000, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
    return 0;
  }
  const write = argv.includes("--write");
  const check = argv.includes("--check");
  const large = argv.includes("--large");
  const unknown = argv.filter((a) => !["--write", "--check", "--large"].includes(a));
  if (write === check || unknown.length > 0) {
    console.error("Usage: node scripts/figure-hashes.js --check|--write [--large]");
    return 2;
  }
  const h = harness();
  const recorded = fs.existsSync(RECORD) ? JSON.parse(fs.readFileSync(RECORD, "utf8")) : { sets: {}, large: {} };
  const got = { sets: {}, large: {} };
  for (const [name, compute] of Object.entries(h.FIGURE_SETS)) {
    const started = Date.now();
    const r = await compute();
    got.sets[name] = { count: r.count, hash: r.hash };
    console.log(`${name}: ${r.count} items, ${r.hash} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (large)
    for (const n of h.LARGE_SIZES) {
      const r = largeInChild(n);
      got.large[r.name] = { count: r.count, hash: r.hash };
      console.log(`${r.name}: ${r.count} items, ${r.hash} (${r.seconds.toFixed(1)} s, peak ${r.peakRssMb} MB)`);
    }

  if (write) {
    const out = {
      about:
        "Figure hashes of the engine before issue 15's integer-pence rewrite: tests/engine/figureHashes.test.ts recomputes `sets`; `node scripts/figure-hashes.js --check --large` also `large`. See docs/development.md, \"Proof that no figure moved\".",
      sets: got.sets,
      large: large ? got.large : (recorded.large ?? {}),
    };
    fs.writeFileSync(RECORD, JSON.stringify(out, null, 2) + "\n");
    console.log(`Wrote ${path.relative(process.cwd(), RECORD)}.`);
    return 0;
  }
  let moved = 0;
  for (const group of large ? ["sets", "large"] : ["sets"]) {
    for (const [name, want] of Object.entries(recorded[group] ?? {})) {
      const now = got[group][name];
      if (!now) {
        console.log(`MISSING ${name}: recorded but not computed`);
        moved++;
      } else if (now.hash !== want.hash || now.count !== want.count) {
        console.log(h.movedMessage(name, now, want));
        moved++;
      } else console.log(`same: ${name}`);
    }
    for (const name of Object.keys(got[group])) if (!(recorded[group] ?? {})[name]) console.log(`NEW ${name}: not recorded (run --write)`);
  }
  console.log(moved === 0 ? "No figure moved." : `${moved} set(s) moved.`);
  return moved === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
