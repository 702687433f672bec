import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/commands";
import { HEADER } from "../report/sample";

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-init-"));

describe("caretrust init", () => {
  it("writes a starter scenario beside the list, with a job match to fill for each grade not on the target terms, and never overwrites it", async () => {
    const csv = path.join(dir, "transfer.csv");
    fs.writeFileSync(
      csv,
      [
        HEADER,
        ["N1", "", "Nursing", "Trust", "AFC", "6", 2, 1, 4, "NHS", ""],
        ["C1", "", "Social work", "Council", "NJC", "29", "", 1, 4, "LGPS", ""],
        ["C2", "", "Social work", "Council", "NJC", "29", "", 1, 4, "LGPS", ""],
        ["C3", "", "Social work", "Council", "NJC", "12", "", 1, 4, "LGPS", "3"],
      ]
        .map((r) => r.join(","))
        .join("\n"),
    );
    const r = await run(["init", csv, "--target", "AFC"]);
    expect(r.code).toBe(0);
    const file = path.join(dir, "transfer.scenario.json");
    expect(r.stdout).toContain(`Wrote ${file}`);
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(json.targetTerms).toBe("AFC");
    // AfC staff need no job match onto AfC; C3 has their own target job match; both C1 and C2 are on SCP 29.
    expect(json.jobMatch).toEqual([{ from: "29", to: "" }]);
    expect(json.staffList).toBeUndefined();

    // Until the match is filled in, the board command names it; filled in, the pack is written.
    const unfilled = await run(["board", csv, "--scenario", file, "--out", path.join(dir, "pack.xlsx")]);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toMatch(/jobMatch: the match for "29" has no target grade/);
    fs.writeFileSync(file, JSON.stringify({ ...json, jobMatch: [{ from: "29", to: "6" }], lgpsEmployerRate: "19%" }));
    const filled = await run(["board", csv, "--scenario", file, "--out", path.join(dir, "pack.xlsx")]);
    expect(filled.stderr).not.toMatch(/WARNING/);
    expect(filled.code).toBe(0);

    const again = await run(["init", csv, "--target", "AFC"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: it is not replaced/);
  });

  it("leaves the employer to fill in for a list without an employer column, and needs --target", async () => {
    const csv = path.join(dir, "esr.csv");
    fs.writeFileSync(csv, ["Assignment Number,Staff Group,Current terms,Grade,Step,Contracted WTE,NHS Start Date,Pension Scheme", "1-1,Nursing,AFC,Band 5,1,1,01/04/2015,NHS Pension 2015"].join("\n"));
    expect((await run(["init", csv])).code).toBe(2);
    const r = await run(["init", csv, "--target", "NJC"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "esr.scenario.json"), "utf8"));
    expect(json.staffList).toEqual({ employer: "" });
    expect(json.jobMatch).toEqual([{ from: "5", to: "" }]);
  });

  it("leaves the council unsocial-hours rates the list needs to fill in, says which and why, and the filled starter costs everyone", async () => {
    // Council staff with hours given in AfC's groups (as the corpus's ESR-style export gives them), onto AfC.
    const csv = path.join(dir, "council.csv");
    const head = [...HEADER, "Unsocial hours nights and Saturdays", "Unsocial hours Sundays and public holidays"];
    const rows = [
      ["C1", "", "Social work", "Council", "NJC", "20", "", 1, 4, "LGPS", "5", 6, ""],
      ["C2", "", "Social work", "Council", "NJC", "20", "", 1, 4, "LGPS", "5", 3, 4],
      ["C3", "", "Social work", "Council", "NJC", "20", "", 1, 4, "LGPS", "5", "", ""],
      ["N1", "", "Nursing", "Trust", "AFC", "5", 2, 1, 4, "NHS", "", 8, 4],
    ];
    fs.writeFileSync(csv, [head, ...rows].map((r) => r.join(",")).join("\n"));
    const r = await run(["init", csv, "--target", "AFC"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("currentTerms.NJC.unsocialRates.nightsAndSaturdays: 2 rows need one rate for nights and Saturdays on the current council (NJC) terms. Their hours on nights and Saturdays are given together");
    expect(r.stdout).toContain("currentTerms.NJC.unsocialRates.sundaysAndPublicHolidays: 1 row needs one rate for Sundays and public holidays on the current council (NJC) terms.");
    const file = path.join(dir, "council.scenario.json");
    const json = JSON.parse(fs.readFileSync(file, "utf8"));
    // Nothing is invented: the rates are left empty, each with a note saying why and which rows.
    expect(json.currentTerms).toEqual({ NJC: { unsocialRates: { nightsAndSaturdays: "", sundaysAndPublicHolidays: "" } } });
    expect(json.targetTerms).toBe("AFC");
    expect(json.notes).toHaveLength(2);
    expect(json.notes[0]).toMatch(/^currentTerms\.NJC\.unsocialRates\.nightsAndSaturdays: 2 rows need .* Rows 2 to 3\.$/);
    expect(json.notes[1]).toMatch(/^currentTerms\.NJC\.unsocialRates\.sundaysAndPublicHolidays: 1 row needs .* Row 3\.$/);

    // Until filled, the board command refuses the scenario naming each rate; filled, everyone is costed.
    const out = path.join(dir, "council.xlsx");
    const unfilled = await run(["board", csv, "--scenario", file, "--out", out]);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toContain("currentTerms.NJC.unsocialRates.nightsAndSaturdays: The nights and Saturdays rate is empty: give it as time plus a fraction");
    expect(unfilled.stderr).toContain("currentTerms.NJC.unsocialRates.sundaysAndPublicHolidays: The Sundays and public holidays rate is empty");
    json.currentTerms.NJC.unsocialRates = { nightsAndSaturdays: "1/3", sundaysAndPublicHolidays: "50%" };
    fs.writeFileSync(file, JSON.stringify({ ...json, lgpsEmployerRate: "19.5%" }));
    const filled = await run(["board", csv, "--scenario", file, "--out", out]);
    expect(filled.stderr).not.toMatch(/WARNING|cannot be costed/);
    expect(filled.code).toBe(0);
    expect(filled.stdout).toMatch(/Staff costed \(FTE\)\s+4 \(4\.00\)/);
  });

  it("onto council terms, leaves the target's rates to fill in for everyone's hours", async () => {
    const csv = path.join(dir, "trust.csv");
    const head = [...HEADER, "Saturday hours", "Sunday hours"];
    fs.writeFileSync(csv, [head, ["N1", "", "Nursing", "Trust", "AFC", "5", 2, 1, 4, "NHS", "20", 4, ""], ["N2", "", "Nursing", "Trust", "AFC", "5", 2, 1, 4, "NHS", "20", "", ""]].map((r) => r.join(",")).join("\n"));
    const r = await run(["init", csv, "--target", "NJC"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, "trust.scenario.json"), "utf8"));
    expect(json.targetTerms).toEqual({ terms: "NJC", unsocialRates: { saturdays: "" } });
    expect(json.currentTerms).toBeUndefined();
    expect(json.notes).toEqual([expect.stringMatching(/^targetTerms\.unsocialRates\.saturdays: 1 row needs the Saturday rate on the target council \(NJC\) terms: .* Row 2\.$/)]);
  });
});
