const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07/g;

/** Columns a string takes on screen: escape sequences take none. */
export function displayWidth(text: string): number {
  return [...text.replace(ANSI, "")].length;
}

/** Where offset `offset` of the text after the prompt lands, on a terminal `cols` wide (0-based row, col). */
export function offsetToColRow(promptWidth: number, offset: number, cols: number): { row: number; col: number } {
  const absolute = promptWidth + offset;
  return { row: Math.floor(absolute / cols), col: absolute % cols };
}
