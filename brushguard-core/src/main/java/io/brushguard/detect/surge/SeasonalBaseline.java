package io.brushguard.detect.surge;

/**
 * A key's own rhythm of orders: an exponentially weighted rate with an hour-of-day and a
 * day-of-week profile, learned from complete hours, and the predictive distributions the surge test
 * compares a window with.
 *
 * <p><b>Model.</b> Orders in hour h arrive as Poisson(ρ · f(hour of day) · g(day of week)). The
 * level ρ has a Gamma(C + {@value #PRIOR_ORDERS}, E + {@value #PRIOR_HOURS}) posterior, where C and
 * E are the decayed counts and hours seen (half-life {@code halfLifeHours}); so the count in a
 * window of profile-weighted exposure w is negative-binomial, r = C + 1, p = (E + 1) / (E + 1 + w):
 * a key with little history gets a heavy tail and cannot alarm on a handful of orders. Each profile
 * factor is the slot's own decayed rate shrunk toward the level by pseudo-hours worth {@value
 * #SHRINK_ORDERS} orders, so a quiet shop's profile stays flat until its data say otherwise. The
 * share of orders that came without a view (and of those straight to the item) is Beta-distributed
 * after the decayed counts, with prior mean 10% and weight 5 orders.
 *
 * <p><b>Robustness.</b> The caller folds an hour only once it has left the test windows (so a surge
 * in progress is never part of its own baseline), without the orders already judged part of a
 * surge, and each folded hour is clipped at {@code mean + 4·sqrt(mean) + 3} of its prediction: a
 * flash sale does not teach the shop that its next surge is normal.
 *
 * <p>Decay uses a moving landmark (values stored scaled by e^{λ(h - h0)}, renormalised now and
 * then), so folding an hour costs one {@code exp} instead of a pass over every slot.
 *
 * <p>Space: 66 doubles and two longs, about 560 bytes.
 */
final class SeasonalBaseline {
  static final double PRIOR_ORDERS = 1;
  static final double PRIOR_HOURS = 1;
  static final double SHRINK_ORDERS = 5;
  static final double SHARE_PRIOR_A = 0.5;
  static final double SHARE_PRIOR_B = 4.5;

  private final double lambda; // decay per hour
  private long landmark = Long.MIN_VALUE; // h0
  private long lastFolded = Long.MIN_VALUE;
  private double scale = 1; // e^{lambda (lastFolded - landmark)}, kept with each fold

  // all stored scaled by e^{lambda (h - landmark)}
  private double orders;
  private double hours;
  private double unviewed;
  private double straight;
  private final double[] hodOrders = new double[24];
  private final double[] hodHours = new double[24];
  private final double[] dowOrders = new double[7];
  private final double[] dowHours = new double[7];

  SeasonalBaseline(double halfLifeHours) {
    this.lambda = Math.log(2) / halfLifeHours;
  }

  /** The last hour folded, or {@code Long.MIN_VALUE}. */
  long lastFolded() {
    return lastFolded;
  }

  /**
   * Adds one complete hour (local hour index since the epoch), after every earlier one: its orders,
   * how many came unviewed, how many straight to the item (unviewed or a glance).
   */
  void fold(long hour, int n, int u, int s) {
    if (landmark == Long.MIN_VALUE) {
      landmark = hour;
    }
    double x = lambda * (hour - landmark);
    if (x > 300) {
      double f = Math.exp(-x);
      rescale(f);
      scale *= f; // the last fold's scale, relative to the new landmark
      landmark = hour;
      x = 0;
    }
    double w = Math.exp(x);
    double mean = level() * profile(hour);
    double cap = Math.ceil(mean + 4 * Math.sqrt(mean) + 3);
    double kept = Math.min(n, cap);
    double clip = n == 0 ? 0 : kept / n;
    int hod = hourOfDay(hour);
    int dow = dayOfWeek(hour);
    orders += kept * w;
    hours += w;
    unviewed += u * clip * w;
    straight += s * clip * w;
    hodOrders[hod] += kept * w;
    hodHours[hod] += w;
    dowOrders[dow] += kept * w;
    dowHours[dow] += w;
    lastFolded = hour;
    this.scale = w;
  }

  private void rescale(double f) {
    orders *= f;
    hours *= f;
    unviewed *= f;
    straight *= f;
    for (int i = 0; i < 24; i++) {
      hodOrders[i] *= f;
      hodHours[i] *= f;
    }
    for (int i = 0; i < 7; i++) {
      dowOrders[i] *= f;
      dowHours[i] *= f;
    }
  }

  /** The posterior mean of the level: orders per hour at profile 1. */
  double level() {
    return (orders + PRIOR_ORDERS * scale()) / (hours + PRIOR_HOURS * scale());
  }

  /** The expected orders in this hour relative to the level: f(hour of day) · g(day of week). */
  double profile(long hour) {
    double rho = level();
    int hod = hourOfDay(hour);
    int dow = dayOfWeek(hour);
    double k = SHRINK_ORDERS / rho * scale(); // pseudo-hours worth this many orders
    double f = (hodOrders[hod] + k * rho) / (hodHours[hod] + k) / rho;
    double g = (dowOrders[dow] + k * rho) / (dowHours[dow] + k) / rho;
    return f * g;
  }

  /** Decayed orders seen (unscaled): the Gamma shape is this plus the prior. */
  double orders() {
    return orders / scale();
  }

  /** Decayed hours seen (unscaled). */
  double hours() {
    return hours / scale();
  }

  /** P(count ≥ n) for a window of profile-weighted exposure {@code exposure} hours. */
  double surgeTail(long n, double exposure) {
    double r = orders() + PRIOR_ORDERS;
    double e = hours() + PRIOR_HOURS;
    return Tails.negativeBinomial(n, r, e / (e + exposure));
  }

  /** The expected count in a window of this exposure. */
  double expected(double exposure) {
    return level() * exposure;
  }

  /** P(at least u of n orders unviewed) under the key's own unviewed share. */
  double unviewedTail(long u, long n) {
    double o = orders();
    double a = unviewed / scale() + SHARE_PRIOR_A;
    return Tails.betaBinomial(u, n, a, Math.max(0, o - unviewed / scale()) + SHARE_PRIOR_B);
  }

  /** The posterior mean share of orders straight to the item (unviewed or a glance). */
  double straightShare() {
    return (straight / scale() + SHARE_PRIOR_A) / (orders() + SHARE_PRIOR_A + SHARE_PRIOR_B);
  }

  private double scale() {
    return scale;
  }

  static int hourOfDay(long hour) {
    return (int) Math.floorMod(hour, 24L);
  }

  /** 0 = Monday (1970-01-01 was a Thursday). */
  static int dayOfWeek(long hour) {
    return (int) Math.floorMod(Math.floorDiv(hour, 24L) + 3, 7L);
  }
}
