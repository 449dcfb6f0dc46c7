package io.brushguard.detect.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FRAUDAR's greedy peeling (Hooi et al., KDD 2016) on the part of a {@link RingGraph} around some
 * rows: repeatedly remove the row or column whose remaining edges weigh least, and keep the
 * remaining set at which the density {@code g(S) = f(S) / |S|} peaked, where {@code f(S)} sums the
 * weights of the edges inside {@code S} and {@code |S|} counts its rows and columns.
 *
 * <p><b>Column weights.</b> An edge into column {@code c} weighs {@code 1 / ln(d_c + 5)}, {@code
 * d_c} the column's degree in the whole graph (FRAUDAR's choice): a popular shop-hour, a carrier
 * NAT address, a campus IP are discounted, so camouflage edges from a ring to popular honest shops
 * add little to a block, and a block cannot hide by adding them (FRAUDAR's camouflage-resistance
 * theorem). A column with fewer than two of the loaded rows is left out: with weight below {@code 1
 * / ln 6 = 0.56} it can only lower the density of a block denser than that.
 *
 * <p><b>Bound.</b> The peeling is a 2-approximation: the block returned has {@code g >= g* / 2},
 * {@code g*} the densest subset's density (FRAUDAR, Theorem 2; Charikar 2000).
 *
 * <p><b>Cost.</b> Loading {@code O(E_local)}, components {@code O(E_local α)}, one peeling {@code
 * O(E_local log V_local)} with an indexed binary heap. The scratch arrays are kept between calls.
 */
final class Peeling {
  /** A block found: global rows and columns, with its density and weight. */
  record Block(int[] rows, int[] cols, double density, double weight) {}

  private int rowCount;
  private int colCount;
  private int[] rowGlobal = new int[64];
  private int[] colGlobal = new int[64];
  private int[] colLocal = new int[0]; // global column -> local, -1 unset
  private int[] colRows = new int[64]; // loaded rows per local column (first pass)
  // CSR: row -> (column, weight); column -> row
  private int[] rowStart = new int[65];
  private int[] rowAdjCol = new int[256];
  private double[] rowAdjW = new double[256];
  private int[] colStart = new int[65];
  private int[] colAdjRow = new int[256];
  private double[] colW = new double[64];
  private boolean[] dead = new boolean[128]; // rows then columns
  // heap
  private int[] heap = new int[128];
  private int[] pos = new int[128];
  private double[] prio = new double[128];
  private int[] order = new int[128];

  static double weight(int degree) {
    return 1 / Math.log(degree + 5.0);
  }

  /**
   * Loads the rows {@code rows} of {@code g} and the columns two or more of them share, of at most
   * {@code maxDegree} accounts in the whole graph.
   */
  void load(RingGraph g, int[] rows, int maxDegree) {
    if (colLocal.length < g.cols) {
      colLocal = new int[Math.max(g.cols, 2 * colLocal.length)];
      Arrays.fill(colLocal, -1);
    }
    rowCount = rows.length;
    rowGlobal = ensure(rowGlobal, rowCount);
    System.arraycopy(rows, 0, rowGlobal, 0, rowCount);
    colCount = 0;
    for (int i = 0; i < rowCount; i++) {
      for (int e = g.rowHead[rows[i]]; e != -1; e = g.eNextR[e]) {
        int c = g.eCol[e];
        int l = colLocal[c];
        if (l == -1) {
          l = colCount++;
          colGlobal = ensure(colGlobal, colCount);
          colRows = ensure(colRows, colCount);
          colLocal[c] = l;
          colGlobal[l] = c;
          colRows[l] = 0;
        }
        colRows[l]++;
      }
    }
    // keep the shared columns only, renumbered
    int kept = 0;
    for (int l = 0; l < colCount; l++) {
      int c = colGlobal[l];
      if (colRows[l] >= 2 && g.colDeg[c] <= maxDegree) {
        colGlobal[kept] = c;
        colRows[kept] = colRows[l];
        colLocal[c] = kept++;
      } else {
        colLocal[c] = -2;
      }
    }
    colCount = kept;
    colW = ensureD(colW, colCount);
    for (int l = 0; l < colCount; l++) {
      colW[l] = weight(g.colDeg[colGlobal[l]]);
    }
    rowStart = ensure(rowStart, rowCount + 1);
    int loaded = 0;
    for (int l = 0; l < colCount; l++) {
      loaded += colRows[l];
    }
    rowAdjCol = ensure(rowAdjCol, loaded);
    rowAdjW = ensureD(rowAdjW, loaded);
    int edges = 0;
    for (int i = 0; i < rowCount; i++) {
      rowStart[i] = edges;
      for (int e = g.rowHead[rowGlobal[i]]; e != -1; e = g.eNextR[e]) {
        int l = colLocal[g.eCol[e]];
        if (l >= 0) {
          rowAdjCol[edges] = l;
          rowAdjW[edges] = colW[l];
          edges++;
        }
      }
    }
    rowStart[rowCount] = edges;
    colStart = ensure(colStart, colCount + 1);
    int at = 0;
    for (int l = 0; l < colCount; l++) {
      colStart[l] = at;
      at += colRows[l];
    }
    colStart[colCount] = at;
    colAdjRow = ensure(colAdjRow, at);
    int[] fill = Arrays.copyOf(colStart, colCount);
    for (int i = 0; i < rowCount; i++) {
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        colAdjRow[fill[rowAdjCol[k]]++] = i;
      }
    }
    // reset the global -> local map for the next load, dropped columns included
    for (int i = 0; i < rowCount; i++) {
      for (int e = g.rowHead[rowGlobal[i]]; e != -1; e = g.eNextR[e]) {
        colLocal[g.eCol[e]] = -1;
      }
    }
    int nodes = rowCount + colCount;
    if (dead.length < nodes) {
      dead = new boolean[Math.max(nodes, 2 * dead.length)];
    } else {
      Arrays.fill(dead, 0, nodes, false);
    }
    heap = ensure(heap, nodes);
    pos = ensure(pos, nodes);
    prio = ensureD(prio, nodes);
    order = ensure(order, nodes);
  }

  int rowCount() {
    return rowCount;
  }

  /** The loaded rows (local ids) in connected components through shared columns, each sorted. */
  List<int[]> components(int minRows) {
    int[] parent = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      parent[i] = i;
    }
    for (int l = 0; l < colCount; l++) {
      int first = colAdjRow[colStart[l]];
      for (int k = colStart[l] + 1; k < colStart[l + 1]; k++) {
        int a = find(parent, first);
        int b = find(parent, colAdjRow[k]);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    int[] size = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      size[find(parent, i)]++;
    }
    List<int[]> out = new ArrayList<>();
    int[] slot = new int[rowCount];
    Arrays.fill(slot, -1);
    List<int[]> byRoot = new ArrayList<>();
    int[] filled = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      int root = find(parent, i);
      if (size[root] < minRows) {
        continue;
      }
      if (slot[root] == -1) {
        slot[root] = byRoot.size();
        byRoot.add(new int[size[root]]);
      }
      byRoot.get(slot[root])[filled[root]++] = i;
    }
    out.addAll(byRoot);
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Leaves these local rows out of later peelings (a block already taken). */
  void drop(int[] localRows) {
    for (int i : localRows) {
      dead[i] = true;
    }
  }

  /**
   * Peels the live rows {@code component} (local ids) with their live shared columns and returns
   * the densest set met, or null when there is nothing to peel. Local row ids of the block are in
   * {@code localRowsOut[0]}.
   */
  Block densest(int[] component, int[][] localRowsOut) {
    int n = 0;
    double f = 0;
    if (inSet.length < rowCount + colCount) {
      inSet = new boolean[rowCount + colCount];
    }
    // nodes: local rows as themselves, columns as rowCount + l; only columns the live rows reach
    int[] members = scratch = ensure(scratch, component.length);
    for (int i : component) {
      if (!dead[i]) {
        members[n++] = i;
        inSet[i] = true;
        prio[i] = 0;
      }
    }
    int rowsIn = n;
    for (int m = 0; m < rowsIn; m++) {
      int i = members[m];
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        int node = rowCount + rowAdjCol[k];
        if (!inSet[node]) {
          members = scratch = ensure(scratch, n + 1);
          members[n++] = node;
          inSet[node] = true;
          prio[node] = 0;
        }
      }
    }
    if (n == 0) {
      return null;
    }
    // priorities: weighted degree within the live set
    for (int m = 0; m < rowsIn; m++) {
      int i = members[m];
      for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
        int node = rowCount + rowAdjCol[k];
        if (inSet[node]) {
          prio[i] += rowAdjW[k];
          prio[node] += rowAdjW[k];
          f += rowAdjW[k];
        }
      }
    }
    int size = 0;
    for (int m = 0; m < n; m++) {
      heap[size] = members[m];
      pos[members[m]] = size++;
    }
    for (int k = size / 2 - 1; k >= 0; k--) {
      down(k, size);
    }
    double best = f / n;
    int bestStep = 0;
    int remaining = n;
    int step = 0;
    while (size > 0) {
      int u = heap[0];
      heap[0] = heap[--size];
      pos[heap[0]] = 0;
      down(0, size);
      pos[u] = -1;
      order[step++] = u;
      f -= prio[u];
      inSet[u] = false;
      if (u < rowCount) {
        for (int k = rowStart[u]; k < rowStart[u + 1]; k++) {
          int v = rowCount + rowAdjCol[k];
          if (inSet[v]) {
            prio[v] -= rowAdjW[k];
            up(pos[v]);
          }
        }
      } else {
        int l = u - rowCount;
        for (int k = colStart[l]; k < colStart[l + 1]; k++) {
          int v = colAdjRow[k];
          if (inSet[v]) {
            prio[v] -= colW[l];
            up(pos[v]);
          }
        }
      }
      remaining--;
      if (remaining > 0 && f / remaining > best + 1e-12) {
        best = f / remaining;
        bestStep = step;
      }
    }
    int blockRows = 0;
    int blockCols = 0;
    for (int k = bestStep; k < n; k++) {
      if (order[k] < rowCount) {
        blockRows++;
      } else {
        blockCols++;
      }
    }
    int[] rows = new int[blockRows];
    int[] local = new int[blockRows];
    int[] cols = new int[blockCols];
    double weight = 0;
    int ri = 0;
    int ci = 0;
    for (int k = bestStep; k < n; k++) {
      int u = order[k];
      if (u < rowCount) {
        local[ri] = u;
        rows[ri++] = rowGlobal[u];
      } else {
        cols[ci++] = colGlobal[u - rowCount];
      }
    }
    weight = best * (blockRows + blockCols);
    Arrays.sort(local);
    localRowsOut[0] = local;
    return new Block(rows, cols, best, weight);
  }

  private boolean[] inSet = new boolean[128]; // all false between calls
  private int[] scratch = new int[128];

  private void up(int k) {
    int u = heap[k];
    while (k > 0) {
      int p = (k - 1) >>> 1;
      if (!less(u, heap[p])) {
        break;
      }
      heap[k] = heap[p];
      pos[heap[k]] = k;
      k = p;
    }
    heap[k] = u;
    pos[u] = k;
  }

  private void down(int k, int size) {
    int u = heap[k];
    while (true) {
      int c = 2 * k + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && less(heap[c + 1], heap[c])) {
        c++;
      }
      if (!less(heap[c], u)) {
        break;
      }
      heap[k] = heap[c];
      pos[heap[k]] = k;
      k = c;
    }
    heap[k] = u;
    pos[u] = k;
  }

  /** Lower priority first; ties by node id, so the peeling order is the same every run. */
  private boolean less(int a, int b) {
    return prio[a] < prio[b] || (prio[a] == prio[b] && a < b);
  }

  private static int[] ensure(int[] a, int n) {
    return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
  }

  private static double[] ensureD(double[] a, int n) {
    return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
  }
}
