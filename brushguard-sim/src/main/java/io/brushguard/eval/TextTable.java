package io.brushguard.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table, columns two spaces apart: the leading text columns left-aligned, the number
 * columns after them right-aligned.
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;
  private final int textColumns;

  /** A table whose first column is text and the rest numbers. */
  TextTable(String... header) {
    this(1, header);
  }

  TextTable(int textColumns, String... header) {
    this.columns = header.length;
    this.textColumns = textColumns;
    rows.add(header);
  }

  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  void appendTo(StringBuilder out, String indent) {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int c = 0; c < columns; c++) {
        width[c] = Math.max(width[c], r[c].codePointCount(0, r[c].length()));
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        int pad = width[c] - r[c].codePointCount(0, r[c].length());
        line.append(c == 0 ? "" : "  ");
        if (c < textColumns) {
          line.append(r[c]).append(" ".repeat(pad));
        } else {
          line.append(" ".repeat(pad)).append(r[c]);
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
