package io.brushguard.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Every buyer-side account of the simulated marketplace, as parallel primitive arrays (about 32
 * bytes an account), so a 60-million-event run with millions of accounts stays small.
 *
 * <p>Accounts {@code [0, preexisting)} registered before the simulated window, in index order
 * (their ids grow with registration time, as on a real platform). Accounts added later register
 * inside the window; their ids are numbered in registration order once planting is done ({@link
 * #seal}). Personal data is a number per account (its own index unless a planting shares one
 * between accounts: a family's device, a dorm's address, a ring's payment account) turned into a
 * token by {@link Tokens} when an event is written.
 *
 * <p>Organic shoppers are drawn by {@link #sampler} in proportion to a heavy-tailed activity
 * weight. Accounts recruited or registered for fraud have no organic activity: everything they do
 * is done by their tactic.
 */
final class Accounts {
  /** How an account reaches the network. */
  static final byte NET_HOME_OR_MOBILE = 0;

  /** Always through one assigned address (a proxy). */
  static final byte NET_FIXED = 1;

  /** Mostly through one carrier NAT address shared with strangers. */
  static final byte NET_NAT = 2;

  static final byte FREE = 0;
  static final byte TRAP = 1;
  static final byte FRAUD = 2;

  private static final int[][] HOME_OCTETS = {
    {
      58, 60, 61, 101, 106, 111, 112, 113, 114, 115, 116, 119, 120, 121, 122, 123, 124, 125, 180,
      182, 183, 218, 219, 220, 221, 222
    }
  };
  private static final int[] MOBILE_OCTETS = {39, 111, 112, 117, 120, 223};

  private final Tokens tokens;
  private final long seed;
  final int preexisting;
  int count;
  long[] registered;
  byte[] city;
  float[] activity;
  int[] device;
  int[] address;
  int[] payer;
  int[] ip;
  byte[] net;
  byte[] tag;
  byte[] state;
  private final Map<Integer, Long> phones = new HashMap<>();
  private final Map<Integer, Integer> identities = new HashMap<>();
  private int[] displayNumber = new int[0];
  private int sharedTokens = 1 << 30;
  private final int[] cityBuyers = new int[Cities.COUNT];
  private final AliasTable cities = Cities.buyerWeights();
  private AliasTable sampler;

  Accounts(Tokens tokens, long seed, int preexisting, long windowStart, SplittableRandom rnd) {
    this.tokens = tokens;
    this.seed = seed;
    this.preexisting = preexisting;
    int capacity = preexisting + preexisting / 8 + 64;
    registered = new long[capacity];
    city = new byte[capacity];
    activity = new float[capacity];
    device = new int[capacity];
    address = new int[capacity];
    payer = new int[capacity];
    ip = new int[capacity];
    net = new byte[capacity];
    tag = new byte[capacity];
    state = new byte[capacity];
    long span = 3L * 365 * 86_400_000L;
    double step = (double) span / Math.max(1, preexisting);
    for (int i = 0; i < preexisting; i++) {
      // Registrations spread over three years before the window, in index order.
      long t = windowStart - span + (long) ((i + 0.1 + 0.8 * rnd.nextDouble()) * step);
      init(i, t, cities.next(rnd), activityWeight(rnd));
    }
    count = preexisting;
  }

  /** Heavy-tailed shopping activity: most buyers rarely shop, a few shop all the time. */
  static float activityWeight(SplittableRandom rnd) {
    return (float) Math.min(200, Rand.pareto(rnd, 1.3) * (0.3 + rnd.nextDouble()));
  }

  private void init(int i, long t, int homeCity, float weight) {
    registered[i] = t;
    city[i] = (byte) homeCity;
    activity[i] = weight;
    device[i] = i;
    address[i] = i;
    payer[i] = i;
    cityBuyers[homeCity]++;
  }

  /** Adds an account that registers at {@code t}, inside the window; organic if weight > 0. */
  int register(long t, int homeCity, float weight, byte truth) {
    if (count == registered.length) {
      grow();
    }
    int i = count++;
    init(i, t, homeCity, weight);
    tag[i] = truth;
    state[i] = weight > 0 ? FREE : FRAUD;
    return i;
  }

  /** A home city drawn by population. */
  int randomCity(SplittableRandom rnd) {
    return cities.next(rnd);
  }

  /** Adds an organic newcomer who registers inside the window. */
  int registerOrganic(long t, SplittableRandom rnd) {
    return register(t, cities.next(rnd), activityWeight(rnd), Tag.NONE);
  }

  /**
   * Takes a random aged organic account for a fraud tactic: brushers work from real-looking,
   * long-registered accounts, bought or their own. It stops shopping organically.
   */
  int recruit(SplittableRandom rnd, byte truth) {
    for (int attempt = 0; ; attempt++) {
      int i = rnd.nextInt(preexisting);
      if (state[i] == FREE) {
        state[i] = FRAUD;
        tag[i] = truth;
        activity[i] = 0;
        return i;
      }
      if (attempt > 1000) {
        throw new IllegalStateException("no free account left to recruit; too few buyers");
      }
    }
  }

  /**
   * Takes a random organic account (in {@code home} unless negative) for a trap; it keeps shopping.
   */
  int claimForTrap(SplittableRandom rnd, int home, byte truth) {
    for (int attempt = 0; ; attempt++) {
      int i = rnd.nextInt(preexisting);
      if (state[i] == FREE && activity[i] > 0 && (home < 0 || city[i] == home || attempt > 5000)) {
        state[i] = TRAP;
        tag[i] = truth;
        return i;
      }
      if (attempt > 20_000) {
        throw new IllegalStateException("no free account left for a trap; too few buyers");
      }
    }
  }

  /** A fresh token number, for a device, address, payment account or identity shared by several. */
  int sharedToken() {
    return sharedTokens++;
  }

  void setPhone(int account, long phone) {
    phones.put(account, phone);
  }

  void setIdentity(int account, int identity) {
    identities.put(account, identity);
  }

  /** Numbers the in-window accounts in registration order; call once, after planting. */
  void seal() {
    int n = count - preexisting;
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = preexisting + k;
    }
    Arrays.sort(
        order,
        (a, b) ->
            a.equals(b)
                ? 0
                : registered[a] != registered[b]
                    ? Long.compare(registered[a], registered[b])
                    : Integer.compare(a, b));
    displayNumber = new int[n];
    for (int rank = 0; rank < n; rank++) {
      displayNumber[order[rank] - preexisting] = preexisting + rank + 1;
    }
    double[] weights = new double[count];
    for (int i = 0; i < count; i++) {
      weights[i] = activity[i];
    }
    sampler = new AliasTable(weights);
  }

  /** Draws an organic shopper, weighted by activity (may not be registered yet; callers check). */
  int sample(SplittableRandom rnd) {
    return sampler.next(rnd);
  }

  /** The account id; in-window accounts are numbered by {@link #seal}, so ask only after it. */
  String id(int i) {
    if (i < preexisting) {
      return "u" + (i + 1);
    }
    if (i - preexisting >= displayNumber.length) {
      throw new IllegalStateException(
          "account ids of in-window registrations exist only after seal()");
    }
    return "u" + displayNumber[i - preexisting];
  }

  String device(int i) {
    return tokens.device(device[i]);
  }

  String payer(int i) {
    return tokens.payer(payer[i]);
  }

  String address(int i) {
    return tokens.address(address[i]);
  }

  /** Someone else's address: a gift's recipient, never shared with a buyer. */
  String recipientAddress() {
    return tokens.address(sharedToken());
  }

  String identity(int i) {
    Integer shared = identities.get(i);
    return tokens.identity(shared != null ? shared : i);
  }

  /** The registration phone: a ring's sequential block, or a random-looking mobile number. */
  String phone(int i) {
    Long shared = phones.get(i);
    if (shared != null) {
      return Long.toString(shared);
    }
    long h = Rand.mix(seed ^ 0x51ed_2701L ^ i * 0x9E3779B97F4A7C15L);
    int[] prefixes = {
      130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 157, 158, 159, 176, 177, 180,
      181, 186, 187, 188, 189, 199
    };
    int prefix = prefixes[(int) ((h >>> 40) & 0xFFFF) % prefixes.length];
    return Long.toString(prefix * 100_000_000L + (h & 0x7FFF_FFFFL) % 100_000_000L);
  }

  /** The account's broadband address at home. */
  int homeIp(int i) {
    return tokens.ip(i, HOME_OCTETS[0]);
  }

  /** An address from the mobile carrier's pool in the account's city (shared, as CGNAT is). */
  int mobileIp(int i, SplittableRandom rnd) {
    int c = city[i];
    int pool = Math.max(4, cityBuyers[c] / 40);
    return tokens.ip(0x4000_0000L + c * 1_000_000L + rnd.nextInt(pool), MOBILE_OCTETS);
  }

  /** The address one event of this account comes from. */
  String ipFor(int i, SplittableRandom rnd) {
    return switch (net[i]) {
      case NET_FIXED -> Tokens.dotted(ip[i]);
      case NET_NAT -> Tokens.dotted(rnd.nextDouble() < 0.8 ? ip[i] : homeIp(i));
      default -> Tokens.dotted(rnd.nextDouble() < 0.65 ? homeIp(i) : mobileIp(i, rnd));
    };
  }

  /** A proxy or NAT address for {@link #NET_FIXED} / {@link #NET_NAT} accounts. */
  int freshIp(long salt, boolean mobile) {
    return tokens.ip(0x7000_0000L + salt, mobile ? MOBILE_OCTETS : HOME_OCTETS[0]);
  }

  private void grow() {
    int n = registered.length * 2;
    registered = Arrays.copyOf(registered, n);
    city = Arrays.copyOf(city, n);
    activity = Arrays.copyOf(activity, n);
    device = Arrays.copyOf(device, n);
    address = Arrays.copyOf(address, n);
    payer = Arrays.copyOf(payer, n);
    ip = Arrays.copyOf(ip, n);
    net = Arrays.copyOf(net, n);
    tag = Arrays.copyOf(tag, n);
    state = Arrays.copyOf(state, n);
  }
}
