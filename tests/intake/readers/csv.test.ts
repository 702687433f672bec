import { readStaffFile } from "../../../src/intake/readers";
import { detectDelimiter, readDelimited } from "../../../src/intake/readers/csv";

const utf8 = (s: string) => Buffer.from(s, "utf8");
/** Windows-1252 agrees with Latin-1 for every character these tests use (£ = A3, ë = EB). */
const win1252 = (s: string) => Buffer.from(s, "latin1");
const utf16le = (s: string) => Buffer.from(s, "utf16le");
const utf16be = (s: string) => Buffer.from(s, "utf16le").swap16();

describe("CSV read as Excel reads it", () => {
  it("keeps a quote inside an unquoted field as text (Rosa O\"Brien) and reads every row", async () => {
    const t = await readStaffFile(utf8('Ref,Name\nN1,Ann\nN2,Rosa O"Brien\nN3,Bob\n'));
    expect(t.rows).toEqual([["Ref", "Name"], ["N1", "Ann"], ["N2", 'Rosa O"Brien'], ["N3", "Bob"]]);
    expect(t.rowNumbers).toEqual([1, 2, 3, 4]);
    expect(t.problems).toEqual([]);
  });

  it("reads quoted fields: doubled quotes, separators and line breaks inside, text after the closing quote", () => {
    const r = readDelimited('a,"b ""x"", y","line1\nline2","Band "6\nz,,\n', ",");
    expect(r.rows).toEqual([["a", 'b "x", y', "line1\nline2", "Band 6"], ["z"]]);
    expect(r.rowNumbers).toEqual([1, 2]);
  });

  it("reports a row whose quote never closes by its number, and reads the rows after it", () => {
    const r = readDelimited('Ref,Name\nN1,Ann\nN2,"Rosa O\'Brien\nN3,Bob\nN4,Cy\n', ",");
    expect(r.problems).toEqual([{ rowNumber: 3, column: null, message: expect.stringMatching(/^Row 3 cannot be read: a field starts with a quote \("\) that is never closed/) }]);
    expect(r.rows).toEqual([["Ref", "Name"], ["N1", "Ann"], ["N3", "Bob"], ["N4", "Cy"]]);
    expect(r.rowNumbers).toEqual([1, 2, 4, 5]);
  });

  it("keeps blank lines as rows with no cells, empty fields as null, and CR, LF or CRLF line ends", () => {
    const r = readDelimited("a,,c\r\n\r\nd\re,f\n", ",");
    expect(r.rows).toEqual([["a", null, "c"], [], ["d"], ["e", "f"]]);
  });

  it("tells comma, semicolon and tab apart by content, and says which", async () => {
    expect(detectDelimiter("Ref;Name;Pay\nN1;Ann;1.200,00\nN2;Bob;2.400,50\n")).toBe(";");
    expect(detectDelimiter("Ref\tName\tPay\nN1\tAnn, Jr\t1200\n")).toBe("\t");
    expect(detectDelimiter('Ref,Name,Pay\nN1,"Ann; Jr",1200\n')).toBe(",");
    // Title rows above the header do not mislead it.
    expect(detectDelimiter("Staff in Post report\nRun on 1 Dec; by HR\nRef;Name;FTE\nN1;Ann;1\nN2;Bob;0,5\n")).toBe(";");
    const t = await readStaffFile(utf8("Ref;Name;Pay\nN1;Ann;1.200,00\n"));
    expect(t.source.delimiter).toBe(";");
    expect(t.rows[1]).toEqual(["N1", "Ann", "1.200,00"]);
    expect(t.notes).toContain("Read as semicolon-separated (told by the file's content).");
  });

  it("follows Excel's sep= first line and does not count it as a row", async () => {
    const t = await readStaffFile(utf8("sep=;\nRef;Name\nN1;Ann, Jr\n"));
    expect(t.rows).toEqual([["Ref", "Name"], ["N1", "Ann, Jr"]]);
    expect(t.rowNumbers).toEqual([1, 2]);
    expect(t.notes[0]).toMatch(/first line \(sep=;\)/);
  });
});

describe("text encodings told by the bytes", () => {
  const rows = [["Ref", "Name", "London weighting"], ["N1", "Zoë Brontë", "£1,200.00"]];
  const csv = rows.map((r) => r.map((c) => (c.includes(",") ? `"${c}"` : c)).join(",")).join("\r\n") + "\r\n";

  it("reads UTF-8 with and without a byte order mark", async () => {
    const plain = await readStaffFile(utf8(csv));
    expect(plain.rows).toEqual(rows);
    expect(plain.source.encoding).toBe("UTF-8");
    const bom = await readStaffFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv)]));
    expect(bom.rows).toEqual(rows);
    expect(bom.source.encoding).toBe("UTF-8 with BOM");
  });

  it("reads Windows-1252 (Excel's CSV on Windows: £ is byte A3) and says so", async () => {
    const bytes = win1252(csv);
    expect(bytes.includes(0xa3)).toBe(true);
    const t = await readStaffFile(bytes);
    expect(t.rows).toEqual(rows);
    expect(t.source.encoding).toBe("Windows-1252");
    expect(t.notes[0]).toMatch(/^Read as Windows-1252 \(the file is not valid UTF-8/);
  });

  it("reads Excel's Unicode Text (UTF-16 LE with BOM, tab separated), UTF-16 BE, and UTF-16 without a BOM", async () => {
    const tsv = rows.map((r) => r.join("\t")).join("\r\n") + "\r\n";
    const le = await readStaffFile(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(tsv)]));
    expect(le.rows).toEqual(rows);
    expect(le.source).toMatchObject({ encoding: "UTF-16LE", delimiter: "\t" });
    expect(le.notes).toEqual(expect.arrayContaining([expect.stringMatching(/Unicode Text/), "Read as tab-separated (told by the file's content)."]));
    const be = await readStaffFile(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(tsv)]));
    expect(be.rows).toEqual(rows);
    const noBom = await readStaffFile(utf16le(tsv));
    expect(noBom.rows).toEqual(rows);
    expect(noBom.notes[0]).toMatch(/no byte order mark/);
  });

  it("refuses binary data that is not text, saying so", async () => {
    await expect(readStaffFile(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x41, 0x00, 0x00, 0x10, 0xff, 0x00]))).rejects.toThrow(/holds binary data/);
  });
});
