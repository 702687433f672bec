/** Office's theme -> the pane's: dark for a dark body background, light for a light one, nothing for none. */
import { luminance, themeFor } from "../../src/taskpane/theme";

describe("the pane's theme from Office's", () => {
  it("reads Office's body background: Excel's dark grey and black themes are dark, white and colourful are light", () => {
    expect(themeFor("#262626")).toBe("dark"); // dark grey
    expect(themeFor("#000000")).toBe("dark"); // black
    expect(themeFor("#ffffff")).toBe("light"); // white
    expect(themeFor("#e6e6e6")).toBe("light"); // colourful / light grey
  });

  it("says nothing for no theme or a value that is not a colour (the system's preference applies)", () => {
    expect(themeFor(undefined)).toBeNull();
    expect(themeFor("")).toBeNull();
    expect(themeFor("dark")).toBeNull();
  });

  it("uses WCAG 2 relative luminance", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 10);
    expect(luminance("#000000")).toBe(0);
    // #808080: 128/255 = 0.50196 -> ((0.50196 + 0.055) / 1.055)^2.4 = 0.21586
    expect(luminance("#808080")).toBeCloseTo(0.21586, 4);
  });
});
