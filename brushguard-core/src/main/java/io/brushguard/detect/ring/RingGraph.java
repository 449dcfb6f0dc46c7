package io.brushguard.detect.ring;

import io.brushguard.flow.HashedTable;
import java.util.Arrays;

/**
 * The bounded, expiring bipartite graph the ring detector peels: accounts (rows) by columns of
 * several kinds (a shop in one hour of event time, a device, an IP, a payment account, an identity,
 * a payer of transfers), each edge with the minute it was last seen.
 *
 * <p><b>Incremental.</b> An edge is added, refreshed or expired in O(1): rows and columns are
 * interned to dense ints through {@link LongIntTable}s of 64-bit id hashes, edges sit in doubly
 * linked lists per row and per column (so both sides' degrees and adjacency stay current), and an
 * expiry queue in time order drops an edge once it has not been seen for the window. A row or
 * column whose last edge expires is freed and its slot reused. Rows that gained an edge since the
 * last {@link #takeDirty} are remembered: the detector peels only their neighbourhood.
 *
 * <p><b>Space per live edge</b>, arrays at their usual fill: 28 bytes of edge arrays (row, column,
 * minute, four list links), 24 to 48 in the edge index, 8 to 16 in the expiry queue (an edge seen
 * again after {@value #REFRESH_MINUTES} minutes is queued again): about 70 to 90 bytes. Per row
 * about 60 bytes besides the account id (shared with the events); per column about 40, a shop-hour
 * column also a reference to the shop id. Actions (orders, reviews, likes, for the findings) take
 * about 40 bytes each, for the window.
 */
final class RingGraph {
  static final byte SHOP_HOUR = 0;
  static final byte DEVICE = 1;
  static final byte IP = 2;
  static final byte PAYER = 3;
  static final byte IDENTITY = 4;
  static final byte PAID_BY = 5;
  static final int KINDS = 6;

  static final byte ORDER = 0;
  static final byte REVIEW = 1;
  static final byte LIKE = 2;

  /** Columns with more accounts than this are not peeled (see {@link Rings#EXPAND_MAX}). */
  static final int PEELED_MAX = 64;

  /** An edge seen again is re-queued (its minute moved on) at most this often. */
  static final int REFRESH_MINUTES = 60;

  private static final int NONE = -1;

  final int windowMinutes;

  // rows: accounts
  private final LongIntTable rowIndex = new LongIntTable();
  long[] rowKey = new long[64];
  String[] rowId = new String[64];
  int[] rowHead = new int[64];
  int[] rowDeg = new int[64];
  int[] rowShop = new int[64]; // shop-hour edges of the row
  long[] rowAct = new long[64]; // newest action's sequence number, or -1
  boolean[] rowDirty = new boolean[64];
  int rows; // high-water mark of row slots
  private int[] freeRows = new int[16];
  private int freeRowCount;
  int[] dirty = new int[64];
  int dirtyCount;

  // columns
  private final LongIntTable colIndex = new LongIntTable();
  long[] colKey = new long[64];
  byte[] colKind = new byte[64];
  String[] colShop = new String[64]; // shop-hour columns: the shop
  int[] colHead = new int[64];
  int[] colDeg = new int[64];
  int cols;
  private int[] freeCols = new int[16];
  private int freeColCount;

  // edges
  private final LongIntTable edgeIndex = new LongIntTable();
  int[] eRow = new int[256];
  int[] eCol = new int[256];
  int[] eMinute = new int[256];
  int[] eNextR = new int[256];
  int[] ePrevR = new int[256];
  int[] eNextC = new int[256];
  int[] ePrevC = new int[256];
  int edgeSlots;
  int liveEdges;
  private int freeEdge = NONE; // chained through eNextR

  // expiry queue, circular
  private int[] qEdge = new int[256];
  private int[] qMinute = new int[256];
  private int qHead;
  private int qSize;

  // actions, circular by sequence number
  long[] actNext = new long[256]; // the same row's previous action, or -1
  String[] actId = new String[256];
  String[] actShop = new String[256];
  byte[] actKind = new byte[256];
  int[] actMinute = new int[256];
  boolean[] actSignalled = new boolean[256];
  long actFirst; // oldest sequence number kept
  long actEnd; // next sequence number

  RingGraph(int windowMinutes) {
    if (windowMinutes < REFRESH_MINUTES) {
      throw new IllegalArgumentException("ring window must be at least an hour: " + windowMinutes);
    }
    this.windowMinutes = windowMinutes;
  }

  int liveEdges() {
    return liveEdges;
  }

  int liveRows() {
    return rowIndex.size();
  }

  // ---- interning

  /** The row of account {@code id}, made if new. */
  int row(String id) {
    long key = HashedTable.hash(id);
    int r = rowIndex.get(key);
    if (r != LongIntTable.ABSENT) {
      return r;
    }
    r = freeRowCount > 0 ? freeRows[--freeRowCount] : rows++;
    if (r == rowKey.length) {
      int n = 2 * r;
      rowKey = Arrays.copyOf(rowKey, n);
      rowId = Arrays.copyOf(rowId, n);
      rowHead = Arrays.copyOf(rowHead, n);
      rowDeg = Arrays.copyOf(rowDeg, n);
      rowShop = Arrays.copyOf(rowShop, n);
      rowAct = Arrays.copyOf(rowAct, n);
      rowDirty = Arrays.copyOf(rowDirty, n);
    }
    rowIndex.put(key, r);
    rowKey[r] = key;
    rowId[r] = id;
    rowHead[r] = NONE;
    rowDeg[r] = 0;
    rowShop[r] = 0;
    rowAct[r] = -1;
    rowDirty[r] = false;
    return r;
  }

  /** The row of account {@code id}, or -1. */
  int findRow(String id) {
    return rowIndex.get(HashedTable.hash(id));
  }

  /** The key of a token column: its hash, told apart by kind. */
  static long tokenKey(byte kind, String token) {
    long h = HashedTable.hash(token) * 0x9E3779B97F4A7C15L + kind;
    return h == 0 ? 1 : h;
  }

  /** The key of the column of a shop in one hour. */
  static long shopHourKey(String shop, int hour) {
    long h = (HashedTable.hash(shop) + hour) * 0xC2B2AE3D27D4EB4FL;
    h ^= h >>> 29;
    return h == 0 ? 1 : h;
  }

  /** The column of {@code key}, made if new. */
  int col(long key, byte kind, String shop) {
    int c = colIndex.get(key);
    if (c != LongIntTable.ABSENT) {
      return c;
    }
    c = freeColCount > 0 ? freeCols[--freeColCount] : cols++;
    if (c == colKey.length) {
      int n = 2 * c;
      colKey = Arrays.copyOf(colKey, n);
      colKind = Arrays.copyOf(colKind, n);
      colShop = Arrays.copyOf(colShop, n);
      colHead = Arrays.copyOf(colHead, n);
      colDeg = Arrays.copyOf(colDeg, n);
    }
    colIndex.put(key, c);
    colKey[c] = key;
    colKind[c] = kind;
    colShop[c] = shop;
    colHead[c] = NONE;
    colDeg[c] = 0;
    return c;
  }

  /** The column of {@code key}, or -1. */
  int findCol(long key) {
    return colIndex.get(key);
  }

  // ---- edges

  /** Adds the edge {@code (r, c)} at {@code minute}, or refreshes it. */
  void touch(int r, int c, int minute) {
    long key = ((long) r << 32) | (c & 0xFFFF_FFFFL);
    key = key == 0 ? Long.MIN_VALUE : key; // row 0, column 0: 0 marks a free slot
    int e = edgeIndex.get(key);
    if (e != LongIntTable.ABSENT) {
      if (minute - eMinute[e] >= REFRESH_MINUTES) {
        eMinute[e] = minute;
        enqueue(e, minute);
      }
      return;
    }
    e = newEdge();
    edgeIndex.put(key, e);
    eRow[e] = r;
    eCol[e] = c;
    eMinute[e] = minute;
    ePrevR[e] = NONE;
    eNextR[e] = rowHead[r];
    if (rowHead[r] != NONE) {
      ePrevR[rowHead[r]] = e;
    }
    rowHead[r] = e;
    ePrevC[e] = NONE;
    eNextC[e] = colHead[c];
    if (colHead[c] != NONE) {
      ePrevC[colHead[c]] = e;
    }
    colHead[c] = e;
    rowDeg[r]++;
    colDeg[c]++;
    if (colKind[c] == SHOP_HOUR) {
      rowShop[r]++;
    }
    liveEdges++;
    enqueue(e, minute);
    // an edge to a column no one else has, or to one too popular to peel, ties the row to no one
    // new; an account never at a shop is in no ring (see Recurrence)
    if (!rowDirty[r] && rowShop[r] > 0 && colDeg[c] >= 2 && colDeg[c] <= PEELED_MAX) {
      rowDirty[r] = true;
      if (dirtyCount == dirty.length) {
        dirty = Arrays.copyOf(dirty, 2 * dirtyCount);
      }
      dirty[dirtyCount++] = r;
    }
  }

  private int newEdge() {
    if (freeEdge != NONE) {
      int e = freeEdge;
      freeEdge = eNextR[e];
      return e;
    }
    int e = edgeSlots++;
    if (e == eRow.length) {
      int n = 2 * e;
      eRow = Arrays.copyOf(eRow, n);
      eCol = Arrays.copyOf(eCol, n);
      eMinute = Arrays.copyOf(eMinute, n);
      eNextR = Arrays.copyOf(eNextR, n);
      ePrevR = Arrays.copyOf(ePrevR, n);
      eNextC = Arrays.copyOf(eNextC, n);
      ePrevC = Arrays.copyOf(ePrevC, n);
    }
    return e;
  }

  private void enqueue(int e, int minute) {
    if (qSize == qEdge.length) {
      int n = 2 * qSize;
      int[] edges = new int[n];
      int[] minutes = new int[n];
      for (int k = 0; k < qSize; k++) {
        edges[k] = qEdge[(qHead + k) % qSize];
        minutes[k] = qMinute[(qHead + k) % qSize];
      }
      qEdge = edges;
      qMinute = minutes;
      qHead = 0;
    }
    int at = (qHead + qSize) % qEdge.length;
    qEdge[at] = e;
    qMinute[at] = minute;
    qSize++;
  }

  /** Drops every edge and action not seen since {@code minute - window}. */
  void expire(int minute) {
    int oldest = minute - windowMinutes;
    while (qSize > 0 && qMinute[qHead] < oldest) {
      int e = qEdge[qHead];
      int m = qMinute[qHead];
      qHead = (qHead + 1) % qEdge.length;
      qSize--;
      if (eMinute[e] == m && eRow[e] != NONE) {
        remove(e);
      }
    }
    while (actFirst < actEnd && actMinute[slot(actFirst)] < oldest) {
      actId[slot(actFirst)] = null;
      actShop[slot(actFirst)] = null;
      actFirst++;
    }
  }

  private void remove(int e) {
    int r = eRow[e];
    int c = eCol[e];
    long key = ((long) r << 32) | (c & 0xFFFF_FFFFL);
    edgeIndex.remove(key == 0 ? Long.MIN_VALUE : key);
    if (ePrevR[e] != NONE) {
      eNextR[ePrevR[e]] = eNextR[e];
    } else {
      rowHead[r] = eNextR[e];
    }
    if (eNextR[e] != NONE) {
      ePrevR[eNextR[e]] = ePrevR[e];
    }
    if (ePrevC[e] != NONE) {
      eNextC[ePrevC[e]] = eNextC[e];
    } else {
      colHead[c] = eNextC[e];
    }
    if (eNextC[e] != NONE) {
      ePrevC[eNextC[e]] = ePrevC[e];
    }
    eRow[e] = NONE;
    eMinute[e] = Integer.MIN_VALUE;
    eNextR[e] = freeEdge;
    freeEdge = e;
    liveEdges--;
    if (colKind[c] == SHOP_HOUR) {
      rowShop[r]--;
    }
    if (--rowDeg[r] == 0) {
      freeRow(r);
    }
    if (--colDeg[c] == 0) {
      colIndex.remove(colKey[c]);
      colShop[c] = null;
      if (freeColCount == freeCols.length) {
        freeCols = Arrays.copyOf(freeCols, 2 * freeColCount);
      }
      freeCols[freeColCount++] = c;
    }
  }

  private void freeRow(int r) {
    rowIndex.remove(rowKey[r]);
    rowId[r] = null;
    rowAct[r] = -1;
    if (rowDirty[r]) {
      for (int k = 0; k < dirtyCount; k++) {
        if (dirty[k] == r) {
          dirty[k] = dirty[--dirtyCount];
          break;
        }
      }
      rowDirty[r] = false;
    }
    if (freeRowCount == freeRows.length) {
      freeRows = Arrays.copyOf(freeRows, 2 * freeRowCount);
    }
    freeRows[freeRowCount++] = r;
  }

  /**
   * The rows that gained an edge to a column shared with at most {@value #PEELED_MAX} accounts
   * since the last call, while having a shop-hour edge (only those can be ring members, see {@link
   * Recurrence}), in the order they did; clears them.
   */
  int[] takeDirty() {
    int[] out = Arrays.copyOf(dirty, dirtyCount);
    for (int r : out) {
      rowDirty[r] = false;
    }
    dirtyCount = 0;
    return out;
  }

  // ---- actions

  /** Records an order, review or like of row {@code r} at {@code shop}. */
  void action(int r, byte kind, String id, String shop, int minute) {
    if (actEnd - actFirst == actId.length) {
      growActions();
    }
    int s = slot(actEnd);
    actId[s] = id;
    actShop[s] = shop;
    actKind[s] = kind;
    actMinute[s] = minute;
    actSignalled[s] = false;
    actNext[s] = rowAct[r];
    rowAct[r] = actEnd++;
  }

  /** Whether sequence number {@code seq} is still kept. */
  boolean kept(long seq) {
    return seq >= actFirst && seq < actEnd;
  }

  int slot(long seq) {
    return (int) (seq & (actId.length - 1));
  }

  private void growActions() {
    int n = actId.length * 2;
    long[] next = new long[n];
    String[] ids = new String[n];
    String[] shops = new String[n];
    byte[] kinds = new byte[n];
    int[] minutes = new int[n];
    boolean[] signalled = new boolean[n];
    for (long q = actFirst; q < actEnd; q++) {
      int from = slot(q);
      int to = (int) (q & (n - 1));
      next[to] = actNext[from];
      ids[to] = actId[from];
      shops[to] = actShop[from];
      kinds[to] = actKind[from];
      minutes[to] = actMinute[from];
      signalled[to] = actSignalled[from];
    }
    actNext = next;
    actId = ids;
    actShop = shops;
    actKind = kinds;
    actMinute = minutes;
    actSignalled = signalled;
  }

  boolean isEmpty() {
    return liveEdges == 0 && actFirst == actEnd;
  }
}
