import fs from "fs";
import os from "os";
import path from "path";
import { checkOutTarget, isOwnPack, removeStaleTemporaries, writeFileAtomically, OutputError } from "../../src/cli/safeWrite";
import { zipBytes } from "../../src/testSupport/zipBytes";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-safe-"));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const core = (creator: string) => zipBytes([{ name: "docProps/core.xml", data: `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${creator}</dc:creator></cp:coreProperties>` }]);
const opts = { force: false, stdoutIsTerminal: false };
const tempsIn = (d: string) => fs.readdirSync(d).filter((n) => n.endsWith(".tmp"));

describe("where the pack may be written", () => {
  const staff = file("staff.csv", "Ref\nN1\n");
  const scenario = file("scenario.json", "{}");

  it("refuses an input given by the same path, through a symlink, or as a hard link", async () => {
    await expect(checkOutTarget(staff, [staff, scenario], opts)).rejects.toThrow(/is one of the input files/);
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(staff, link);
    await expect(checkOutTarget(link, [staff, scenario], opts)).rejects.toThrow(/is the same file as the input .*staff\.csv \(through a link\)/);
    const hard = path.join(dir, "hard.xlsx");
    fs.linkSync(scenario, hard);
    await expect(checkOutTarget(hard, [staff, scenario], opts)).rejects.toThrow(/is the same file as the input .*scenario\.json \(through a link\)/);
    // And an input given through a link to the output.
    const linkedInput = path.join(dir, "input-link.csv");
    fs.symlinkSync(staff, linkedInput);
    await expect(checkOutTarget(staff, [linkedInput], opts)).rejects.toThrow(/same file as the input/);
  });

  it("refuses a file the tool did not write unless --force, and replaces its own packs", async () => {
    const minutes = file("minutes.txt", "Board minutes, 3 December");
    await expect(checkOutTarget(minutes, [staff], opts)).rejects.toThrow(/already exists and is not a pack this tool wrote, so it is not overwritten: choose another file name, or add --force/);
    expect(await checkOutTarget(minutes, [staff], { ...opts, force: true })).toEqual({ kind: "file", path: minutes, existing: "other" });
    const someoneElses = file("other.xlsx", core("Jane Finance"));
    await expect(checkOutTarget(someoneElses, [staff], opts)).rejects.toThrow(/not a pack this tool wrote/);
    const ours = file("ours.xlsx", core("Care Trust Calculator 0.1.0"));
    expect(await isOwnPack(ours)).toBe(true);
    expect(await checkOutTarget(ours, [staff], opts)).toEqual({ kind: "file", path: ours, existing: "ours" });
    expect(await checkOutTarget(path.join(dir, "new.xlsx"), [staff], opts)).toMatchObject({ existing: "none" });
  });

  it("refuses a folder, a device and a dangling link; - is standard output, refused on a terminal", async () => {
    await expect(checkOutTarget(dir, [staff], opts)).rejects.toThrow(/is a folder/);
    await expect(checkOutTarget("/dev/null", [staff], { ...opts, force: true })).rejects.toThrow(/is not a plain file/);
    const dangling = path.join(dir, "dangling.xlsx");
    fs.symlinkSync(path.join(dir, "nowhere"), dangling);
    await expect(checkOutTarget(dangling, [staff], opts)).rejects.toThrow(/a link to a file that does not exist/);
    expect(await checkOutTarget("-", [staff], opts)).toEqual({ kind: "stdout" });
    await expect(checkOutTarget("-", [staff], { ...opts, stdoutIsTerminal: true })).rejects.toThrow(/standard output, which is a terminal/);
  });
});

describe("writing through a temporary file", () => {
  it("writes the whole file and leaves no temporary behind", async () => {
    const target = path.join(dir, "sub", "pack.xlsx");
    await writeFileAtomically(target, Buffer.alloc(3_000_000, 7), { chunkBytes: 1 << 20 });
    expect(fs.readFileSync(target).length).toBe(3_000_000);
    expect(tempsIn(path.dirname(target))).toEqual([]);
  });

  it("leaves the previous file untouched and no temporary when the disk fills part-way", async () => {
    const target = file("full.xlsx", "previous good pack");
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    await expect(
      writeFileAtomically(target, Buffer.alloc(3_000_000, 1), {
        chunkBytes: 1 << 20,
        onChunk: () => {
          throw full;
        },
      }),
    ).rejects.toThrow(/^The disk is full: the pack was not written\. .*full\.xlsx is as it was\./);
    expect(fs.readFileSync(target, "utf8")).toBe("previous good pack");
    expect(tempsIn(dir)).toEqual([]);
  });

  it("on Ctrl-C part-way removes the temporary, keeps the previous file and exits 130", async () => {
    const target = file("interrupted.xlsx", "previous good pack");
    const exit = jest.spyOn(process, "exit").mockImplementation(((code: number) => {
      throw new OutputError(`exit ${code}`);
    }) as never);
    const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await expect(
        writeFileAtomically(target, Buffer.alloc(3_000_000, 1), {
          chunkBytes: 1 << 20,
          onChunk: (written) => {
            if (written === 1 << 20) process.emit("SIGINT", "SIGINT");
          },
        }),
      ).rejects.toThrow("exit 130");
      expect(err).toHaveBeenCalledWith(expect.stringMatching(/Stopped \(SIGINT\): the pack was not written; .*interrupted\.xlsx is as it was/));
    } finally {
      exit.mockRestore();
      err.mockRestore();
    }
    expect(fs.readFileSync(target, "utf8")).toBe("previous good pack");
    expect(tempsIn(dir)).toEqual([]);
    expect(process.listenerCount("SIGINT")).toBe(0);
  });

  it("removes a temporary left by a run that was killed, but not one of a running process", () => {
    const target = path.join(dir, "killed.xlsx");
    const dead = path.join(dir, ".killed.xlsx.caretrust-999999999-abcd.tmp");
    const alive = path.join(dir, `.killed.xlsx.caretrust-${process.ppid}-abcd.tmp`);
    fs.writeFileSync(dead, "half a pack");
    fs.writeFileSync(alive, "being written");
    expect(removeStaleTemporaries(target)).toEqual([path.basename(dead)]);
    expect(fs.existsSync(alive)).toBe(true);
    fs.unlinkSync(alive);
  });
});
