package io.brushguard.detect.ring;

import io.brushguard.flow.Fact;
import java.util.List;

/**
 * A ring as the graph last saw it, from {@link Rings} to {@link RingLines}: its members, the shops
 * it acts on, what it did there and the structure that gave it away.
 *
 * @param ring the ring's id ({@code R-<account>}: its smallest account when first found)
 * @param accounts its accounts, sorted
 * @param shops the shops of its shop-hour columns, sorted
 * @param orders orders of its accounts at its shops, flagged
 * @param reviews reviews likewise
 * @param likes likes likewise
 * @param firstTs the earliest of those
 * @param lastTs the latest
 * @param strength the strength of its {@code RING} signals
 * @param sharedDevices devices shared by two or more of its accounts in the block
 * @param sharedIps IPs likewise
 * @param density the block's FRAUDAR density when last found
 */
public record RingFound(
    String ring,
    List<String> accounts,
    List<String> shops,
    int orders,
    int reviews,
    int likes,
    long firstTs,
    long lastTs,
    double strength,
    int sharedDevices,
    int sharedIps,
    double density)
    implements Fact {
  public RingFound {
    accounts = List.copyOf(accounts);
    shops = List.copyOf(shops);
  }
}
