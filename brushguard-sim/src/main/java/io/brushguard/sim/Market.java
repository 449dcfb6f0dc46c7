package io.brushguard.sim;

import io.brushguard.sim.Catalog.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shops and items of the simulated marketplace. Shop popularity is heavy-tailed (Pareto), so a
 * few shops take most of the traffic, as on real platforms; items inside a shop are skewed too.
 * Every shop sells one category from one city and ships with one carrier.
 *
 * <p>Plantings reserve shops ({@link #reserve}) so that no shop is, say, both a flash-sale trap and
 * a cashback buyer: each shop has at most one ground-truth role.
 */
final class Market {
  static final String[] CARRIERS = {"SF", "ZTO", "YTO", "STO", "YD", "JD", "EMS"};
  private static final double[] CARRIER_SHARE = {0.12, 0.26, 0.2, 0.14, 0.14, 0.09, 0.05};
  private static final int SHOP_PAYER_BASE = 1 << 29;

  private final Tokens tokens;
  final int shops;
  final byte[] category;
  final byte[] city;
  final byte[] carrier;
  final double[] popularity;
  final int[] firstItem;
  final int[] itemCount;
  final byte[] tag;
  final boolean[] reserved;
  final long[] opened;
  final int items;
  final int[] itemPrice;
  final int[] itemWeight;
  final int[] itemShop;

  /** Items sold without a parcel (top-ups, e-cards, tickets): planted by a trap. */
  final java.util.BitSet virtual = new java.util.BitSet();

  /** Items that travel in an envelope (documents, SIM cards, stickers): planted by a trap. */
  final java.util.BitSet envelope = new java.util.BitSet();

  private final int[] byPopularity;
  private final AliasTable categories;
  private final AliasTable[] shopsIn;
  private final int[][] shopsOf;
  private final double[] categoryTraffic;

  Market(Tokens tokens, int shopCount, long windowStart, SplittableRandom rnd) {
    this.tokens = tokens;
    List<Category> cats = Catalog.CATEGORIES;
    double[] shares = new double[cats.size()];
    for (int c = 0; c < shares.length; c++) {
      shares[c] = cats.get(c).share();
    }
    categories = new AliasTable(shares);
    AliasTable sellerCities = Cities.sellerWeights();
    AliasTable carriers = new AliasTable(CARRIER_SHARE);
    shops = shopCount;
    category = new byte[shops];
    city = new byte[shops];
    carrier = new byte[shops];
    popularity = new double[shops];
    firstItem = new int[shops];
    itemCount = new int[shops];
    tag = new byte[shops];
    reserved = new boolean[shops];
    opened = new long[shops];
    int totalItems = 0;
    for (int s = 0; s < shops; s++) {
      // Every category gets shops, then the rest follow the category shares.
      category[s] = (byte) (s < cats.size() ? s : categories.next(rnd));
      city[s] = (byte) sellerCities.next(rnd);
      carrier[s] = (byte) carriers.next(rnd);
      popularity[s] = Rand.pareto(rnd, 1.1);
      itemCount[s] = Math.min(60, 3 + Rand.geometric(rnd, 0.08));
      firstItem[s] = totalItems;
      totalItems += itemCount[s];
      opened[s] = windowStart - Rand.between(rnd, 30L, 5L * 365) * 86_400_000L;
    }
    items = totalItems;
    itemPrice = new int[items];
    itemWeight = new int[items];
    itemShop = new int[items];
    for (int s = 0; s < shops; s++) {
      Category c = cats.get(category[s]);
      for (int k = 0; k < itemCount[s]; k++) {
        int i = firstItem[s] + k;
        itemShop[i] = s;
        // Prices end in 9 or 0 the way shops price things.
        int price =
            (int) (c.minPrice() + (c.maxPrice() - c.minPrice()) * Math.pow(rnd.nextDouble(), 1.6));
        itemPrice[i] = price / 100 * 100 + (rnd.nextBoolean() ? 90 : 0);
        itemWeight[i] = Rand.between(rnd, c.minWeight(), c.maxWeight());
      }
    }
    shopsOf = new int[cats.size()][];
    shopsIn = new AliasTable[cats.size()];
    categoryTraffic = new double[cats.size()];
    for (int c = 0; c < cats.size(); c++) {
      List<Integer> members = new ArrayList<>();
      for (int s = 0; s < shops; s++) {
        if (category[s] == c) {
          members.add(s);
        }
      }
      shopsOf[c] = members.stream().mapToInt(Integer::intValue).toArray();
      double[] w = new double[shopsOf[c].length];
      for (int k = 0; k < w.length; k++) {
        w[k] = popularity[shopsOf[c][k]];
      }
      shopsIn[c] = new AliasTable(w);
      categoryTraffic[c] = shares[c];
    }
    byPopularity =
        java.util.stream.IntStream.range(0, shops)
            .boxed()
            .sorted((a, b) -> Double.compare(popularity[b], popularity[a]))
            .mapToInt(Integer::intValue)
            .toArray();
  }

  Category categoryOf(int shop) {
    return Catalog.CATEGORIES.get(category[shop]);
  }

  int randomCategory(SplittableRandom rnd) {
    return categories.next(rnd);
  }

  /** A shop of the category, drawn by popularity. */
  int shopIn(int category, SplittableRandom rnd) {
    return shopsOf[category][shopsIn[category].next(rnd)];
  }

  /** A shop of the category, every shop equally likely (small ones as often as big ones). */
  int anyShopIn(int category, SplittableRandom rnd) {
    return shopsOf[category][rnd.nextInt(shopsOf[category].length)];
  }

  /** An item of the shop: the first listed sell best. */
  int itemOf(int shop, SplittableRandom rnd) {
    double u = rnd.nextDouble();
    return firstItem[shop] + (int) (itemCount[shop] * u * u);
  }

  /**
   * The share of all organic shopping sessions that end up at this shop (category share times the
   * shop's share of its category), for sizing surges against a shop's own baseline.
   */
  double trafficShare(int shop) {
    int c = category[shop];
    double total = 0;
    for (int s : shopsOf[c]) {
      total += popularity[s];
    }
    double categoryTotal = 0;
    for (double t : categoryTraffic) {
      categoryTotal += t;
    }
    return categoryTraffic[c] / categoryTotal * popularity[shop] / total;
  }

  /**
   * Reserves an unreserved shop whose popularity rank lies in [{@code fromRank}, {@code toRank}) as
   * a fraction of all shops (0 = most popular), for one planting.
   */
  int reserve(SplittableRandom rnd, double fromRank, double toRank, byte truth) {
    int from = (int) (fromRank * shops);
    int to = Math.max(from + 1, (int) (toRank * shops));
    for (int attempt = 0; attempt < 10_000; attempt++) {
      int rank =
          attempt < 5_000 ? Rand.between(rnd, from, Math.min(shops, to) - 1) : rnd.nextInt(shops);
      int s = byPopularity[rank];
      if (!reserved[s]) {
        reserved[s] = true;
        tag[s] = truth;
        return s;
      }
    }
    throw new IllegalStateException("no free shop left to reserve; too few shops");
  }

  /**
   * Reserves a shop of the given category (any popularity), or any shop if the category is full.
   */
  int reserveIn(SplittableRandom rnd, int category, byte truth) {
    int[] members = shopsOf[category];
    for (int attempt = 0; attempt < 200; attempt++) {
      int s = members[rnd.nextInt(members.length)];
      if (!reserved[s]) {
        reserved[s] = true;
        tag[s] = truth;
        return s;
      }
    }
    return reserve(rnd, 0, 1, truth);
  }

  /**
   * A shop whose popularity rank lies in [{@code fromRank}, {@code toRank}), not reserved by a
   * planting and left unreserved: genuine buyers shop there.
   */
  int unreservedShop(SplittableRandom rnd, double fromRank, double toRank) {
    int from = (int) (fromRank * shops);
    int to = Math.max(from + 1, Math.min(shops, (int) (toRank * shops)));
    for (int attempt = 0; attempt < 2_000; attempt++) {
      // the whole range once the asked one seems full (small markets reserve most quiet shops)
      int s = byPopularity[attempt < 1_000 ? Rand.between(rnd, from, to - 1) : rnd.nextInt(shops)];
      if (!reserved[s]) {
        return s;
      }
    }
    return byPopularity[rnd.nextInt(shops)];
  }

  String shopId(int s) {
    return "s" + (s + 1);
  }

  String merchantId(int s) {
    return "m" + (s + 1);
  }

  String itemId(int i) {
    return "i" + (i + 1);
  }

  /** The shop's own payment account, linked to its merchant account. */
  String payer(int s) {
    return tokens.payer(SHOP_PAYER_BASE + s);
  }

  String carrierOf(int s) {
    return CARRIERS[carrier[s]];
  }
}
