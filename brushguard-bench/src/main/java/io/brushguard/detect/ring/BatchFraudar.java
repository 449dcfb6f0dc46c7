package io.brushguard.detect.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A straightforward batch FRAUDAR (Hooi et al., KDD 2016), the baseline {@code docs/rings.md}
 * compares the ring detector with: the whole bipartite graph at once, column weights {@code 1 /
 * ln(degree + 5)}, greedy peeling of rows and columns with an indexed heap, the densest prefix
 * kept; {@code k} blocks, each found after removing the edges of the ones before (as the reference
 * code does). Rows and columns are dense ints; edges are given as two parallel arrays.
 */
public final class BatchFraudar {
  private BatchFraudar() {}

  /** One block: its rows and columns, and density. */
  public record Block(int[] rows, int[] cols, double density) {}

  /** Up to {@code k} blocks of the graph {@code (rowOf[e], colOf[e])}. */
  public static List<Block> blocks(int rows, int cols, int[] rowOf, int[] colOf, int k) {
    boolean[] gone = new boolean[rowOf.length];
    List<Block> out = new ArrayList<>();
    for (int b = 0; b < k; b++) {
      Block block = densest(rows, cols, rowOf, colOf, gone);
      if (block == null || block.rows().length == 0) {
        break;
      }
      out.add(block);
      boolean[] inRows = new boolean[rows];
      boolean[] inCols = new boolean[cols];
      for (int r : block.rows()) {
        inRows[r] = true;
      }
      for (int c : block.cols()) {
        inCols[c] = true;
      }
      for (int e = 0; e < rowOf.length; e++) {
        gone[e] |= inRows[rowOf[e]] && inCols[colOf[e]];
      }
    }
    return out;
  }

  static Block densest(int rows, int cols, int[] rowOf, int[] colOf, boolean[] gone) {
    int n = rows + cols;
    int[] deg = new int[cols];
    int[] nodeDeg = new int[n];
    int live = 0;
    for (int e = 0; e < rowOf.length; e++) {
      if (!gone[e]) {
        deg[colOf[e]]++;
        nodeDeg[rowOf[e]]++;
        nodeDeg[rows + colOf[e]]++;
        live++;
      }
    }
    if (live == 0) {
      return null;
    }
    int[] start = new int[n + 1];
    for (int v = 0; v < n; v++) {
      start[v + 1] = start[v] + nodeDeg[v];
    }
    int[] adj = new int[2 * live];
    double[] w = new double[2 * live];
    int[] fill = Arrays.copyOf(start, n);
    double[] prio = new double[n];
    double f = 0;
    for (int e = 0; e < rowOf.length; e++) {
      if (gone[e]) {
        continue;
      }
      int r = rowOf[e];
      int c = rows + colOf[e];
      double we = 1 / Math.log(deg[colOf[e]] + 5.0);
      adj[fill[r]] = c;
      w[fill[r]++] = we;
      adj[fill[c]] = r;
      w[fill[c]++] = we;
      prio[r] += we;
      prio[c] += we;
      f += we;
    }
    // only nodes with edges take part
    int[] heap = new int[n];
    int[] pos = new int[n];
    int size = 0;
    for (int v = 0; v < n; v++) {
      if (nodeDeg[v] > 0) {
        heap[size] = v;
        pos[v] = size++;
      } else {
        pos[v] = -1;
      }
    }
    Heap h = new Heap(heap, pos, prio, size);
    int total = size;
    int[] order = new int[total];
    double best = f / total;
    int bestStep = 0;
    for (int step = 0; step < total; step++) {
      int u = h.pop();
      order[step] = u;
      f -= prio[u];
      for (int k = start[u]; k < start[u + 1]; k++) {
        int v = adj[k];
        if (pos[v] >= 0) {
          prio[v] -= w[k];
          h.up(pos[v]);
        }
      }
      int remaining = total - step - 1;
      if (remaining > 0 && f / remaining > best + 1e-12) {
        best = f / remaining;
        bestStep = step + 1;
      }
    }
    int nr = 0;
    for (int k = bestStep; k < total; k++) {
      nr += order[k] < rows ? 1 : 0;
    }
    int[] br = new int[nr];
    int[] bc = new int[total - bestStep - nr];
    int ri = 0;
    int ci = 0;
    for (int k = bestStep; k < total; k++) {
      if (order[k] < rows) {
        br[ri++] = order[k];
      } else {
        bc[ci++] = order[k] - rows;
      }
    }
    return new Block(br, bc, best);
  }

  /** An indexed binary min-heap over node priorities. */
  private static final class Heap {
    final int[] heap;
    final int[] pos;
    final double[] prio;
    int size;

    Heap(int[] heap, int[] pos, double[] prio, int size) {
      this.heap = heap;
      this.pos = pos;
      this.prio = prio;
      this.size = size;
      for (int k = size / 2 - 1; k >= 0; k--) {
        down(k);
      }
    }

    int pop() {
      int u = heap[0];
      heap[0] = heap[--size];
      pos[heap[0]] = 0;
      down(0);
      pos[u] = -1;
      return u;
    }

    void up(int k) {
      int u = heap[k];
      while (k > 0) {
        int p = (k - 1) >>> 1;
        if (prio[heap[p]] <= prio[u]) {
          break;
        }
        heap[k] = heap[p];
        pos[heap[k]] = k;
        k = p;
      }
      heap[k] = u;
      pos[u] = k;
    }

    void down(int k) {
      if (size == 0) {
        return;
      }
      int u = heap[k];
      while (true) {
        int c = 2 * k + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && prio[heap[c + 1]] < prio[heap[c]]) {
          c++;
        }
        if (prio[heap[c]] >= prio[u]) {
          break;
        }
        heap[k] = heap[c];
        pos[heap[k]] = k;
        k = c;
      }
      heap[k] = u;
      pos[u] = k;
    }
  }
}
