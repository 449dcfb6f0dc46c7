package io.brushguard.detect.ring;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.brushguard.detect.EntityKind;
import io.brushguard.eval.Label;
import io.brushguard.eval.Labels;
import io.brushguard.eval.LabelsReader;
import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The side-by-side of {@code docs/rings.md}: the incremental ring detector's graph and peeling
 * against a straightforward batch FRAUDAR ({@link BatchFraudar}).
 *
 * <pre>
 * java -cp brushguard-bench.jar io.brushguard.detect.ring.RingComparison generated SEED
 * java -cp brushguard-bench.jar io.brushguard.detect.ring.RingComparison market EVENTS LABELS FINDINGS
 * </pre>
 *
 * <p>{@code generated}: a background of 20,000 accounts with 8 edges each to 5,000 columns chosen
 * by popularity (Zipf), spread over 7 days; an injected block of 200 accounts on 40 columns (each
 * edge with probability 0.3, within two days) whose accounts also add 8 camouflage edges each to
 * popular columns. The incremental side streams the edges in time order into {@link RingGraph} and
 * peels at every hour; the batch side peels the whole graph once at the end. F1 of the block's
 * accounts. {@code market}: batch FRAUDAR on buyer × shop (orders) and on account × device-or-IP, 8
 * blocks each, against the {@code ring} lines of a scan, F1 of the fraud accounts.
 */
public final class RingComparison {
  private RingComparison() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("generated")) {
      generated(Long.parseLong(args[1]));
    } else if (args.length == 4 && args[0].equals("market")) {
      market(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
    } else {
      System.err.println("usage: RingComparison generated SEED | market EVENTS LABELS FINDINGS");
      System.exit(2);
    }
  }

  static void generated(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int background = 20_000;
    int cols = 5_000;
    int block = 200;
    int blockCols = 40;
    int minutes = 7 * 24 * 60;
    List<long[]> edges = new ArrayList<>(); // minute, row, col
    double[] cdf = zipf(cols, 1.0);
    for (int r = 0; r < background; r++) {
      for (int k = 0; k < 8; k++) {
        edges.add(new long[] {rnd.nextInt(minutes), r, pick(cdf, rnd)});
      }
    }
    for (int i = 0; i < block; i++) {
      int r = background + i;
      for (int c = 0; c < blockCols; c++) {
        if (rnd.nextDouble() < 0.3) {
          edges.add(new long[] {2 * 24 * 60 + rnd.nextInt(2 * 24 * 60), r, cols + c});
        }
      }
      for (int k = 0; k < 8; k++) { // camouflage: popular honest columns
        edges.add(new long[] {rnd.nextInt(minutes), r, pick(cdf, rnd)});
      }
    }
    edges.sort((a, b) -> Long.compare(a[0], b[0]));
    int rows = background + block;
    int allCols = cols + blockCols;
    // incremental
    long t0 = System.nanoTime();
    RingGraph g = new RingGraph(minutes + 60);
    Peeling p = new Peeling();
    int[] rowOf = new int[rows];
    String[] ids = new String[rows];
    for (int r = 0; r < rows; r++) {
      ids[r] = "a" + r;
      rowOf[r] = -1;
    }
    int[] colOf = new int[allCols];
    for (int c = 0; c < allCols; c++) {
      colOf[c] = g.col(RingGraph.tokenKey(RingGraph.DEVICE, "c" + c), RingGraph.SHOP_HOUR, "c" + c);
    }
    HashSet<Integer> found = new HashSet<>();
    int[] shared = new int[64];
    int hour = 0;
    int peelings = 0;
    for (long[] e : edges) {
      while (e[0] >= (hour + 1) * 60L) {
        hour++;
        shared = peel(g, p, shared, found);
        peelings++;
      }
      int r = (int) e[1];
      int gr = g.row(ids[r]);
      g.touch(gr, colOf[(int) e[2]], (int) e[0]);
    }
    shared = peel(g, p, shared, found);
    double incrementalMs = (System.nanoTime() - t0) / 1e6;
    Function<Integer, Boolean> truth = r -> r >= background;
    // found holds graph rows; map back
    HashSet<Integer> foundAccounts = new HashSet<>();
    for (int r : found) {
      foundAccounts.add(Integer.parseInt(g.rowId[r].substring(1)));
    }
    // batch
    long t1 = System.nanoTime();
    int[] er = new int[edges.size()];
    int[] ec = new int[edges.size()];
    for (int k = 0; k < edges.size(); k++) {
      er[k] = (int) edges.get(k)[1];
      ec[k] = (int) edges.get(k)[2];
    }
    List<BatchFraudar.Block> batch = BatchFraudar.blocks(rows, allCols, er, ec, 1);
    double batchMs = (System.nanoTime() - t1) / 1e6;
    HashSet<Integer> batchAccounts = new HashSet<>();
    for (int r : batch.get(0).rows()) {
      batchAccounts.add(r);
    }
    System.out.printf(
        Locale.ROOT,
        "generated seed %d: %d edges, %d accounts, block %d%n",
        seed,
        edges.size(),
        rows,
        block);
    System.out.printf(
        Locale.ROOT,
        "  incremental (stream + %d hourly peelings): %s, %.0f ms in all, %.2f ms per peeling%n",
        peelings,
        f1(foundAccounts, truth, block),
        incrementalMs,
        incrementalMs / peelings);
    System.out.printf(
        Locale.ROOT,
        "  batch FRAUDAR (1 block, whole graph once): %s, %.0f ms%n",
        f1(batchAccounts, truth, block),
        batchMs);
  }

  private static int[] peel(RingGraph g, Peeling p, int[] shared, HashSet<Integer> found) {
    // the generated window holds every edge: nothing expires
    if (shared.length < g.rows) {
      shared = new int[Math.max(g.rows, 2 * shared.length)];
    }
    int[] dirty = g.takeDirty();
    for (Peeling.Block b :
        Rings.blocks(
            g,
            p,
            new Recurrence(),
            shared,
            dirty,
            x -> x.rows().length >= Rings.MIN_ACCOUNTS && x.density() >= Rings.MIN_DENSITY)) {
      for (int r : b.rows()) {
        found.add(r);
      }
    }
    return shared;
  }

  private static String f1(
      HashSet<Integer> found, Function<Integer, Boolean> truth, int positives) {
    int tp = 0;
    for (int r : found) {
      tp += truth.apply(r) ? 1 : 0;
    }
    double precision = found.isEmpty() ? 0 : (double) tp / found.size();
    double recall = (double) tp / positives;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return String.format(Locale.ROOT, "precision %.3f recall %.3f F1 %.3f", precision, recall, f1);
  }

  private static double[] zipf(int n, double s) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, s);
      cdf[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    return cdf;
  }

  private static int pick(double[] cdf, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    int lo = 0;
    int hi = cdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- the simulated market

  static void market(Path events, Path labelsFile, Path findings) throws IOException {
    Labels labels;
    try (InputStream in = EventReader.open(labelsFile)) {
      labels = LabelsReader.read(in, r -> {});
    }
    HashSet<String> fraud = new HashSet<>();
    for (Label l : labels.of(EntityKind.ACCOUNT)) {
      if (l.fraud()) {
        fraud.add(l.id());
      }
    }
    Map<String, Integer> accounts = new HashMap<>();
    Map<String, Integer> shops = new HashMap<>();
    Map<String, Integer> tokens = new HashMap<>();
    List<int[]> buyShop = new ArrayList<>();
    List<int[]> accToken = new ArrayList<>();
    long t0 = System.nanoTime();
    try (InputStream in = EventReader.open(events)) {
      new EventReader()
          .read(
              in,
              new EventReader.Sink() {
                @Override
                public void accept(Event event, long line) {
                  if (event instanceof Order o) {
                    int a = accounts.computeIfAbsent(o.account(), k -> accounts.size());
                    buyShop.add(new int[] {a, shops.computeIfAbsent(o.shop(), k -> shops.size())});
                    if (o.device() != null) {
                      accToken.add(
                          new int[] {
                            a, tokens.computeIfAbsent("d" + o.device(), k -> tokens.size())
                          });
                    }
                    if (o.ip() != null) {
                      accToken.add(
                          new int[] {a, tokens.computeIfAbsent("i" + o.ip(), k -> tokens.size())});
                    }
                  }
                }

                @Override
                public void reject(Reject reject) {}
              });
    }
    double readMs = (System.nanoTime() - t0) / 1e6;
    String[] names = new String[accounts.size()];
    accounts.forEach((k, v) -> names[v] = k);
    batchMarket("buyer x shop", buyShop, accounts.size(), shops.size(), names, fraud, readMs);
    batchMarket(
        "account x device/IP",
        dedupe(accToken),
        accounts.size(),
        tokens.size(),
        names,
        fraud,
        readMs);
    HashSet<String> members = new HashSet<>();
    try (BufferedReader r = Files.newBufferedReader(findings, StandardCharsets.UTF_8)) {
      JsonFactory json = new JsonFactory();
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("{\"type\":\"ring\"")) {
          continue;
        }
        try (JsonParser p = json.createParser(line)) {
          while (p.nextToken() != null) {
            if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("accounts")) {
              p.nextToken();
              while (p.nextToken() == JsonToken.VALUE_STRING) {
                members.add(p.getText());
              }
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "  ring detector (ring lines): %s%n", f1(members, fraud));
  }

  private static List<int[]> dedupe(List<int[]> edges) {
    HashSet<Long> seen = new HashSet<>();
    List<int[]> out = new ArrayList<>();
    for (int[] e : edges) {
      if (seen.add(((long) e[0] << 32) | e[1])) {
        out.add(e);
      }
    }
    return out;
  }

  private static void batchMarket(
      String name,
      List<int[]> edges,
      int rows,
      int cols,
      String[] names,
      HashSet<String> fraud,
      double readMs) {
    int[] er = new int[edges.size()];
    int[] ec = new int[edges.size()];
    for (int k = 0; k < er.length; k++) {
      er[k] = edges.get(k)[0];
      ec[k] = edges.get(k)[1];
    }
    long t0 = System.nanoTime();
    List<BatchFraudar.Block> blocks = BatchFraudar.blocks(rows, cols, er, ec, 8);
    double ms = (System.nanoTime() - t0) / 1e6;
    HashSet<String> found = new HashSet<>();
    for (BatchFraudar.Block b : blocks) {
      for (int r : b.rows()) {
        found.add(names[r]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "  batch FRAUDAR %s (8 blocks, %d edges): %s, %.0f ms (reading %.0f ms)%n",
        name,
        er.length,
        f1(found, fraud),
        ms,
        readMs);
  }

  private static String f1(HashSet<String> found, HashSet<String> truth) {
    int tp = 0;
    for (String a : found) {
      tp += truth.contains(a) ? 1 : 0;
    }
    double precision = found.isEmpty() ? 0 : (double) tp / found.size();
    double recall = truth.isEmpty() ? 0 : (double) tp / truth.size();
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return String.format(
        Locale.ROOT,
        "%d accounts, precision %.3f recall %.3f F1 %.3f",
        found.size(),
        precision,
        recall,
        f1);
  }
}
