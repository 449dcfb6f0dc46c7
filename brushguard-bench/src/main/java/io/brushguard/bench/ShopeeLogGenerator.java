package io.brushguard.bench;

import io.brushguard.ingest.ShopeeCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes a synthetic order log shaped like the Shopee Code League 2020 file {@code
 * order_brush_order.csv} (which is not redistributable): {@code orderid,shopid,userid,event_time},
 * by default 222,750 orders at 18,770 shops by about 93,000 buyers over five days (2019-12-27 to
 * 2019-12-31), in no particular order.
 *
 * <p>Shape, chosen to match the public descriptions of the contest file: every shop has at least
 * one order and the rest follow a Zipf law (a long tail of shops with one or two orders, a few with
 * thousands); buyers are Zipf too (most buy once, a few buy often); order times follow a day-night
 * curve. On top, {@link Config#bursts} brushing bursts: one or two buyers placing three to eight
 * orders at one shop within an hour, mostly at small shops. The output is a benchmark input, not a
 * test oracle: its answer is whatever {@code ShopeeBrushing} computes.
 *
 * <p>Deterministic for a seed. Memory: the orders in four primitive arrays (about 3 MB by default).
 */
public final class ShopeeLogGenerator {
  /** {@code yyyy-MM-dd HH:mm:ss} as in the contest file. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Size and shape of a log. */
  public record Config(int orders, int shops, int users, int days, int bursts, long seed) {
    /** The contest file's size. */
    public static final Config CONTEST = new Config(222_750, 18_770, 125_000, 5, 350, 2020);

    public Config {
      if (orders < shops + 8L * bursts || shops < 1 || users < 2 || days < 1 || bursts < 0) {
        throw new IllegalArgumentException(
            "need orders >= shops + 8 x bursts, shops >= 1, users >= 2, days >= 1");
      }
    }
  }

  private static final LocalDateTime START = LocalDateTime.of(2019, 12, 27, 0, 0, 0);

  private final long[] orderIds;
  private final long[] shopIds;
  private final long[] userIds;
  private final long[] seconds;

  private ShopeeLogGenerator(int n) {
    orderIds = new long[n];
    shopIds = new long[n];
    userIds = new long[n];
    seconds = new long[n];
  }

  /** Generates a log. */
  public static ShopeeLogGenerator generate(Config c) {
    Random rnd = new Random(c.seed());
    ShopeeLogGenerator log = new ShopeeLogGenerator(c.orders());
    long[] shops = distinctIds(rnd, c.shops(), 10_000L, 215_000_000L);
    long[] users = distinctIds(rnd, c.users(), 1_000L, 215_500_000L);
    Zipf shopPick = new Zipf(c.shops(), 1.05, 30);
    Zipf userPick = new Zipf(c.users(), 0.5, 10);
    long startSecond = START.toEpochSecond(java.time.ZoneOffset.UTC);
    long span = c.days() * 86_400L;
    int i = 0;
    // bursts first: 3..8 orders by one or two buyers at one shop within an hour
    List<int[]> bursts = new ArrayList<>();
    for (int b = 0; b < c.bursts(); b++) {
      int n = 3 + rnd.nextInt(6);
      bursts.add(new int[] {n});
    }
    for (int[] b : bursts) {
      // mostly small shops (tail of the Zipf), so the burst decides the shop's ratio
      int tail = c.shops() / 4;
      int shop =
          rnd.nextInt(10) < 8
              ? tail + rnd.nextInt(Math.max(1, c.shops() - tail))
              : shopPick.rank(rnd.nextDouble());
      long from = startSecond + (long) (rnd.nextDouble() * (span - 3600));
      int buyerA = userPick.rank(rnd.nextDouble());
      int buyerB = rnd.nextInt(3) == 0 ? userPick.rank(rnd.nextDouble()) : buyerA;
      for (int k = 0; k < b[0]; k++) {
        int buyer = k % 2 == 1 ? buyerB : buyerA;
        log.set(i++, shops[shop], users[buyer], from + rnd.nextInt(3600));
      }
    }
    // every shop has at least one order, then the Zipf body
    for (int s = 0; s < c.shops() && i < c.orders(); s++) {
      log.set(
          i++,
          shops[s],
          users[userPick.rank(rnd.nextDouble())],
          startSecond + daySecond(rnd, span));
    }
    while (i < c.orders()) {
      log.set(
          i++,
          shops[shopPick.rank(rnd.nextDouble())],
          users[userPick.rank(rnd.nextDouble())],
          startSecond + daySecond(rnd, span));
    }
    // order ids grow with time, as in the contest file; the file itself is shuffled
    long[] byTime = new long[c.orders()];
    for (int k = 0; k < c.orders(); k++) {
      byTime[k] = (log.seconds[k] << 25) | k; // seconds < 2^38, orders < 2^25
    }
    Arrays.sort(byTime);
    long[] orderId = new long[c.orders()];
    long next = 31_000_000_000L;
    for (long key : byTime) {
      next += 1 + rnd.nextInt(5);
      orderId[(int) (key & ((1 << 25) - 1))] = next;
    }
    int[] perm = shuffled(rnd, c.orders());
    ShopeeLogGenerator out = new ShopeeLogGenerator(c.orders());
    for (int k = 0; k < c.orders(); k++) {
      int p = perm[k];
      out.orderIds[k] = orderId[p];
      out.shopIds[k] = log.shopIds[p];
      out.userIds[k] = log.userIds[p];
      out.seconds[k] = log.seconds[p];
    }
    return out;
  }

  /** Number of orders. */
  public int size() {
    return seconds.length;
  }

  /** The log as parsed rows, as {@link ShopeeCsv} would give them. */
  public List<ShopeeCsv.Row> rows() {
    List<ShopeeCsv.Row> rows = new ArrayList<>(size());
    for (int k = 0; k < size(); k++) {
      rows.add(
          new ShopeeCsv.Row(
              Long.toString(orderIds[k]),
              Long.toString(shopIds[k]),
              Long.toString(userIds[k]),
              seconds[k]));
    }
    return rows;
  }

  /** Writes the CSV with its header line. */
  public void write(Writer w) throws IOException {
    w.write("orderid,shopid,userid,event_time\n");
    StringBuilder sb = new StringBuilder(64);
    for (int k = 0; k < size(); k++) {
      sb.setLength(0);
      sb.append(orderIds[k]).append(',').append(shopIds[k]).append(',').append(userIds[k]);
      sb.append(',');
      LocalDateTime t = LocalDateTime.ofEpochSecond(seconds[k], 0, java.time.ZoneOffset.UTC);
      TIME.formatTo(t, sb);
      sb.append('\n');
      w.append(sb);
    }
  }

  /** The CSV as UTF-8 bytes. */
  public byte[] toCsvBytes() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(size() * 48);
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      write(w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Writes the CSV to a file. */
  public void write(Path path) throws IOException {
    try (OutputStream out = Files.newOutputStream(path);
        BufferedWriter w =
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      write(w);
    }
  }

  /**
   * {@code ShopeeLogGenerator FILE [orders [seed]]}: writes a contest-sized log (or {@code orders}
   * orders, shops and buyers scaled alike).
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ShopeeLogGenerator FILE [orders [seed]]");
      System.exit(2);
    }
    Config c = Config.CONTEST;
    if (args.length > 1) {
      int orders = Integer.parseInt(args[1].replace("_", ""));
      double f = (double) orders / c.orders();
      long seed = args.length > 2 ? Long.parseLong(args[2]) : c.seed();
      c =
          new Config(
              orders,
              Math.max(1, (int) (c.shops() * f)),
              Math.max(2, (int) (c.users() * f)),
              c.days(),
              (int) (c.bursts() * f),
              seed);
    }
    long t0 = System.nanoTime();
    ShopeeLogGenerator log = generate(c);
    log.write(Path.of(args[0]));
    System.err.printf(
        "wrote %,d orders (%d shops, %d buyers, %d bursts) to %s in %.1f s%n",
        log.size(), c.shops(), c.users(), c.bursts(), args[0], (System.nanoTime() - t0) / 1e9);
  }

  private void set(int k, long shop, long user, long second) {
    shopIds[k] = shop;
    userIds[k] = user;
    seconds[k] = second;
  }

  /** Seconds into the span, denser by day than by night (peak at 21:00, low at 05:00). */
  private static long daySecond(Random rnd, long span) {
    while (true) {
      long s = (long) (rnd.nextDouble() * span);
      double hour = (s % 86_400) / 3600.0;
      double weight = 0.55 + 0.45 * Math.cos((hour - 21) / 24 * 2 * Math.PI);
      if (rnd.nextDouble() < weight) {
        return s;
      }
    }
  }

  private static long[] distinctIds(Random rnd, int n, long min, long max) {
    Set<Long> seen = new HashSet<>(n * 2);
    long[] ids = new long[n];
    int k = 0;
    while (k < n) {
      long id = min + (long) (rnd.nextDouble() * (max - min));
      if (seen.add(id)) {
        ids[k++] = id;
      }
    }
    return ids;
  }

  private static int[] shuffled(Random rnd, int n) {
    int[] p = new int[n];
    for (int k = 0; k < n; k++) {
      p[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = rnd.nextInt(k + 1);
      int t = p[k];
      p[k] = p[j];
      p[j] = t;
    }
    return p;
  }
}
