package io.brushguard.detect.ring;

import java.util.Arrays;

/**
 * The members of a dense block that keep meeting the same accounts: a ring's accounts act together
 * again and again (the same few accounts in the same shop in one hour, then again in another hour
 * or on another day), while a heavy genuine shopper, dense only because it is heavy, meets
 * different strangers each time.
 *
 * <p>Two members of a block <em>recur</em> when they share at least {@value #MEETINGS} of the
 * block's shop-hour columns (two different hours at a shop, or two shops). A member stays when it
 * recurs with at least {@value #PARTNERS} other members that stay (the {@value #PARTNERS}-core of
 * the recurrence graph: a group, not a couple shopping together); the others are left out of the
 * block, and the columns fewer than two remaining members share with them too. Tokens (devices,
 * IPs, payers) count toward the block's density but not toward recurrence: a family on one device
 * or strangers behind one address share a token every time without meeting at a shop.
 *
 * <p>Cost: per shop-hour column of the block, the pairs of its block members (a column has at most
 * {@link Rings#EXPAND_MAX} accounts), counted in a hash table of pairs.
 */
final class Recurrence {
  static final int MEETINGS = 2;
  static final int PARTNERS = 2;

  private final LongIntTable pairs = new LongIntTable();
  private int[] members = new int[64];
  private int[] pairA = new int[64];
  private int[] pairB = new int[64];

  /**
   * The block without the members that do not recur with enough others, its density recomputed; the
   * block itself when all stay, null when fewer than {@code minRows} stay.
   */
  Peeling.Block prune(RingGraph g, Peeling.Block b, int minRows) {
    int[] rows = b.rows().clone();
    Arrays.sort(rows);
    int n = rows.length;
    pairs.clear();
    // partners[i]: members i recurs with; the recurring pairs listed once each
    int[] partners = new int[n];
    int recurring = 0;
    for (int c : b.cols()) {
      if (g.colKind[c] != RingGraph.SHOP_HOUR) {
        continue;
      }
      int m = 0;
      for (int e = g.colHead[c]; e != -1; e = g.eNextC[e]) {
        int i = Arrays.binarySearch(rows, g.eRow[e]);
        if (i >= 0) {
          members = ensure(members, m + 1);
          members[m++] = i;
        }
      }
      for (int x = 0; x < m; x++) {
        for (int y = x + 1; y < m; y++) {
          int i = Math.min(members[x], members[y]);
          int j = Math.max(members[x], members[y]);
          long key = ((long) i << 32) | j;
          int held = pairs.get(key);
          int count = held == LongIntTable.ABSENT ? 1 : held + 1;
          pairs.put(key, count);
          if (count == MEETINGS) {
            partners[i]++;
            partners[j]++;
            pairA = ensure(pairA, recurring + 1);
            pairB = ensure(pairB, recurring + 1);
            pairA[recurring] = i;
            pairB[recurring++] = j;
          }
        }
      }
    }
    // adjacency of the recurrence graph
    int[] start = new int[n + 1];
    for (int p = 0; p < recurring; p++) {
      start[pairA[p] + 1]++;
      start[pairB[p] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] adj = new int[2 * recurring];
    int[] fill = Arrays.copyOf(start, n);
    for (int p = 0; p < recurring; p++) {
      adj[fill[pairA[p]]++] = pairB[p];
      adj[fill[pairB[p]]++] = pairA[p];
    }
    // peel to the core: members with too few recurring partners leave, lowering their partners'
    boolean[] gone = new boolean[n];
    int[] stack = new int[n];
    int top = 0;
    for (int i = 0; i < n; i++) {
      if (partners[i] < PARTNERS) {
        gone[i] = true;
        stack[top++] = i;
      }
    }
    int left = n - top;
    while (top > 0 && left >= minRows) {
      int i = stack[--top];
      for (int a = start[i]; a < start[i + 1]; a++) {
        int j = adj[a];
        if (!gone[j] && --partners[j] < PARTNERS) {
          gone[j] = true;
          stack[top++] = j;
          left--;
        }
      }
    }
    if (left < minRows) {
      return null;
    }
    if (left == n) {
      return b;
    }
    int[] kept = new int[left];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!gone[i]) {
        kept[k++] = rows[i];
      }
    }
    return restrict(g, b, kept);
  }

  /** The block on rows {@code kept} (sorted) and the block's columns two or more of them share. */
  private static Peeling.Block restrict(RingGraph g, Peeling.Block b, int[] kept) {
    int[] cols = b.cols();
    int[] colsKept = new int[cols.length];
    int nc = 0;
    double weight = 0;
    for (int c : cols) {
      int m = 0;
      for (int e = g.colHead[c]; e != -1; e = g.eNextC[e]) {
        if (Arrays.binarySearch(kept, g.eRow[e]) >= 0) {
          m++;
        }
      }
      if (m >= 2) {
        colsKept[nc++] = c;
        weight += m * Peeling.weight(g.colDeg[c]);
      }
    }
    int[] outCols = Arrays.copyOf(colsKept, nc);
    return new Peeling.Block(kept, outCols, weight / (kept.length + nc), weight);
  }

  private static int[] ensure(int[] a, int n) {
    return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
  }
}
