package io.brushguard.detect.ring;

import java.util.Arrays;

/**
 * The members of a dense block that keep meeting the same accounts: a ring's accounts act together
 * again and again (the same few accounts in the same shop in one hour, then again in another hour
 * or on another day), while a heavy genuine shopper, dense only because it is heavy, meets
 * different strangers each time.
 *
 * <p>Two members of a block <em>recur</em> when they were both at at least {@value #MEETINGS}
 * shop-hours (two different hours at a shop, or two shops; any shop-hour, also one too popular to
 * be peeled, such as a wave of a hundred accounts), or at one shop-hour and share a device, payment
 * account, identity or payer of the block (acting at a shop together from the same phone or money
 * is the operator's mark; an IP is not enough, a carrier NAT or a dorm's address ties strangers). A
 * member stays when it recurs with at least {@value #PARTNERS} other members that stay (the {@value
 * #PARTNERS}-core of the recurrence graph: a group, not a couple shopping together); the others are
 * left out of the block, and the columns fewer than two remaining members share with them too.
 * Tokens alone never make a pair recur: a family on one device or strangers behind one address
 * share a token every time without meeting at a shop.
 *
 * <p>Cost: the block's rows' edges, sorted by column, and per column the pairs of its block
 * members, counted in a hash table of pairs.
 */
final class Recurrence {
  static final int MEETINGS = 2;
  static final int PARTNERS = 2;
  private static final int TOKEN = 1 << 20;

  private final LongIntTable pairs = new LongIntTable();
  private int[] members = new int[64];
  private int[] pairA = new int[64];
  private int[] pairB = new int[64];
  private long[] atShop = new long[64];
  private int[] partners = new int[0];
  private int recurring;

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
    partners = new int[n];
    recurring = 0;
    // first the strong tokens of the block a pair shares (a flag)
    for (int c : b.cols()) {
      byte kind = g.colKind[c];
      if (kind == RingGraph.SHOP_HOUR || kind == RingGraph.IP) {
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
      meet(m, true);
    }
    // then every shop-hour two members were both at (a count), the block's or not: a wave of a
    // hundred accounts in one hour is too popular a column to peel, but is still a meeting
    int h = 0;
    for (int i = 0; i < n; i++) {
      for (int e = g.rowHead[rows[i]]; e != -1; e = g.eNextR[e]) {
        int c = g.eCol[e];
        if (g.colKind[c] == RingGraph.SHOP_HOUR) {
          atShop = ensureL(atShop, h + 1);
          atShop[h++] = ((long) c << 32) | i;
        }
      }
    }
    Arrays.sort(atShop, 0, h);
    for (int k = 0; k < h; ) {
      int c = (int) (atShop[k] >>> 32);
      int m = 0;
      for (; k < h && (int) (atShop[k] >>> 32) == c; k++) {
        members = ensure(members, m + 1);
        members[m++] = (int) atShop[k];
      }
      meet(m, false);
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

  /** The members {@code members[0..m)} met once more: in a token column, or at a shop-hour. */
  private void meet(int m, boolean token) {
    for (int x = 0; x < m; x++) {
      for (int y = x + 1; y < m; y++) {
        int i = Math.min(members[x], members[y]);
        int j = Math.max(members[x], members[y]);
        long key = ((long) i << 32) | j;
        int held = pairs.get(key);
        int value = held == LongIntTable.ABSENT ? 0 : held;
        if (token) {
          pairs.put(key, value | TOKEN);
          continue;
        }
        int meetings = (value & ~TOKEN) + 1;
        pairs.put(key, value + 1);
        // recurs once: at the second meeting, or at the first when they share a token
        if (meetings + ((value & TOKEN) != 0 ? 1 : 0) == MEETINGS) {
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

  private static long[] ensureL(long[] a, int n) {
    return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
  }

  private static int[] ensure(int[] a, int n) {
    return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
  }
}
