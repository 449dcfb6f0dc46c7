package io.brushguard.detect.text;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import io.brushguard.resolve.Linked;
import io.brushguard.resolve.TokenKind;

/**
 * The first stage of {@link TemplateText}: per review, the normalised shingles, the MinHash
 * signature and the LSH bands, sent on by group of bands to the global index and whole to the
 * review's shop ({@link ShopText}); per account, whether it is new or linked.
 *
 * <p>Key: one of {@value #PARTITIONS} partitions of the accounts. Space: per account registered in
 * the stream within {@link TemplateText#NEW_MILLIS}, or linked within the retention, one entry of
 * the partition's {@link HashedTable} (40 to 80 bytes and a 32-byte object); forgotten by a daily
 * sweep. Reviews are not kept here.
 *
 * <p>Counted, not indexed: reviews without text or with fewer than {@value
 * TemplateText#MIN_SHINGLES} distinct shingles ({@link #unindexed}).
 */
public final class TextSignatures implements Stage<TextSignatures.State> {
  public static final String NAME = "text-signatures";
  static final int PARTITIONS = 64;
  private static final long NONE = Long.MIN_VALUE;
  private static final long SWEEP_MS = TemplateText.DAY;
  private static final String[] PARTITION_KEYS = new String[PARTITIONS];
  private static final String[] GROUP_KEYS = new String[TemplateText.GROUPS];

  static {
    for (int i = 0; i < PARTITIONS; i++) {
      PARTITION_KEYS[i] = "p" + i;
    }
    for (int g = 0; g < GROUP_KEYS.length; g++) {
      GROUP_KEYS[g] = "g" + g;
    }
  }

  private static final Wiring WIRING =
      Wiring.events(EventType.ACCOUNT, EventType.REVIEW)
          .consumes(Linked.class)
          .produces(TextBands.class, ShopText.class);

  private final long retention;
  private long unindexed;

  public TextSignatures(long retentionMillis) {
    this.retention = retentionMillis;
  }

  /** Reviews not indexed: no text, or too little of it. */
  public long unindexed() {
    return unindexed;
  }

  /** One partition's new and linked accounts, and its sweep. */
  public static final class State {
    final HashedTable<Acct> accounts = new HashedTable<>();
    long sweep = NONE;
  }

  /** What is known of one account. */
  static final class Acct {
    long registered = NONE;
    long linked = NONE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  static String partitionOf(String account) {
    return PARTITION_KEYS[Math.floorMod(account.hashCode(), PARTITIONS)];
  }

  @Override
  public String keyOf(Event event) {
    if (event instanceof Review r) {
      return r.text() == null || r.text().isEmpty() ? null : partitionOf(r.account());
    }
    Account a = (Account) event;
    return a.role() == Account.Role.BUYER ? partitionOf(a.account()) : null;
  }

  @Override
  public String keyOf(Fact fact) {
    Linked l = (Linked) fact;
    boolean personal =
        l.kind() == TokenKind.DEVICE
            || l.kind() == TokenKind.PHONE
            || l.kind() == TokenKind.IDENTITY;
    return personal && l.fanout() >= 2 && !l.saturated() ? partitionOf(l.account()) : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Account a) {
      long h = HashedTable.hash(a.account());
      Acct acct = acct(s, h);
      acct.registered = a.ts();
      keep(s, h, acct, ctx);
      return;
    }
    Review r = (Review) event;
    int[] shingles = Shingles.of(r.text());
    if (shingles.length < TemplateText.MIN_SHINGLES) {
      unindexed++;
      return;
    }
    Acct acct = s.accounts.get(HashedTable.hash(r.account()));
    long now = r.ts();
    boolean fresh =
        acct != null && acct.registered != NONE && now - acct.registered <= TemplateText.NEW_MILLIS;
    boolean linked = acct != null && acct.linked != NONE && now - acct.linked <= retention;
    int[] signature = TemplateText.signature(shingles);
    int[] bands = TemplateText.bands(signature);
    Indexed indexed =
        new Indexed(
            new Member(
                r.review(), r.account(), r.shop(), r.order(), now, r.rating(), fresh, linked),
            signature);
    ctx.emit(new ShopText(indexed, bands));
    int perGroup = TemplateText.BANDS / TemplateText.GROUPS;
    for (int g = 0; g < TemplateText.GROUPS; g++) {
      int[] values = new int[perGroup];
      for (int k = 0; k < perGroup; k++) {
        values[k] = bands[TemplateText.bandOf(g, k)];
      }
      ctx.emit(new TextBands(GROUP_KEYS[g], indexed, values));
    }
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    long h = HashedTable.hash(((Linked) fact).account());
    Acct acct = acct(s, h);
    acct.linked = ctx.now();
    keep(s, h, acct, ctx);
  }

  private static Acct acct(State s, long h) {
    Acct acct = s.accounts.get(h);
    if (acct == null) {
      acct = new Acct();
      s.accounts.add(h, acct);
    }
    return acct;
  }

  private void keep(State s, long h, Acct acct, Context ctx) {
    long until = Long.MIN_VALUE;
    if (acct.registered != NONE) {
      until = acct.registered + TemplateText.NEW_MILLIS;
    }
    if (acct.linked != NONE) {
      until = Math.max(until, acct.linked + retention);
    }
    s.accounts.keepUntil(h, until);
    if (s.sweep == NONE) {
      s.sweep = (Math.floorDiv(ctx.now(), SWEEP_MS) + 1) * SWEEP_MS;
      ctx.wakeAt(s.sweep);
    }
  }

  /** Forgets the accounts neither new nor linked any more; comes again while any is left. */
  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.sweep) {
      return;
    }
    s.sweep = NONE;
    s.accounts.retain(time, a -> false);
    if (s.accounts.size() > 0) {
      s.sweep = time + SWEEP_MS;
      ctx.wakeAt(s.sweep);
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.accounts.size() == 0;
  }
}
