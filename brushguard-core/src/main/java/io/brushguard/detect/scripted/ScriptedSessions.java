package io.brushguard.detect.scripted;

import io.brushguard.flow.Stage;
import java.util.List;

/**
 * Scripted sessions: accounts that run a broker's task list (search this long-tail keyword, browse
 * the shop for the scripted minutes, buy; dozens of times a day for shops in unrelated categories)
 * and the broker who pays them every evening.
 *
 * <p><b>How the fraud works, and what it leaves.</b> The broker's script fixes how long to stay on
 * the page, so that the visit looks like a considered purchase to the platform's ranking. A person
 * reads for as long as it takes: dwell times on the web are heavy-tailed, close to log-normal (Liu,
 * White, Dumais, "Understanding web browsing behaviors through Weibull analysis of dwell time",
 * SIGIR 2010), and one person's visits spread over a factor of several. A scripted worker's tasks
 * fall within the script's few percent, task after task. The band itself differs from gang to gang,
 * so the detector never looks for a band: it compares each account's spread with the population's.
 *
 * <p><b>Stages.</b>
 *
 * <ol>
 *   <li>{@link TaskLog} ({@code scripted-tasks}, key a partition of the accounts): each order
 *       joined with the dwell on the ordered shop's pages in its session; the account's tasks of
 *       the last {@link Config#windowSeconds} (two days) go out as a {@link TaskDone}.
 *   <li>{@link DwellPopulation} ({@code scripted-population}, one constant key): the population's
 *       within-account spread of log dwell, robustly (median of consecutive-task differences over
 *       the last two days), and the test of each account against it ({@link Regularity}: a χ² bound
 *       on the tightest tasks, a stated false-alarm rate {@link Config#alpha} per test). Signals
 *       the account and the orders of its regular tasks; names its payment account.
 *   <li>{@link Payees} ({@code scripted-payees}, key payment account): transfers into a flagged
 *       buyer's payment account.
 *   <li>{@link Brokers} ({@code scripted-brokers}, key payment account): a payer that pays {@link
 *       Config#minBuyersPaid} or more flagged buyers is the broker: its payouts, the transfers into
 *       it (the shops' fees) and its linked accounts are signalled.
 * </ol>
 *
 * <p><b>Look-alikes.</b> A power shopper or deal hunter searches long, specific queries and buys
 * many times a day across categories, but reads each page as long as it takes: their spread is the
 * population's, and the test's margin {@link Config#spreadMargin} lets genuine accounts be up to
 * twice as regular as the average. Loyal reorderers buy straight from their history without
 * browsing (no task), and accounts behind one carrier address are judged one by one.
 *
 * <p><b>Memory</b> is stated per stage: about 2 KB per busy account for the window, 4 KB for the
 * population, a few hundred bytes per payment account with transfers and about 120 bytes per linked
 * payment account (links are kept {@link Config#linkDays} days).
 */
public final class ScriptedSessions {
  public static final String CODE = "SCRIPTED_SESSION";

  private ScriptedSessions() {}

  /**
   * Settings.
   *
   * @param windowSeconds how far back an account's tasks are judged together (2 days)
   * @param minTasks fewest tasks in the window worth a test (6)
   * @param maxTasks most tasks kept per account, the newest (48)
   * @param alpha bound on the false-alarm probability of one test of a genuine account (1e-5)
   * @param spreadMargin κ: genuine accounts' log-dwell spread is assumed at least κ times the
   *     population's within-account spread (0.5)
   * @param minPairs fewest pair differences in the population before any judgement (100)
   * @param minBuyersPaid distinct flagged buyers one payer must pay to be a broker (2)
   * @param payoutDays how long a broker's payouts and a flagged buyer's judgement are joined (7)
   * @param linkDays how long a payment account's link to its platform accounts is kept (1100)
   */
  public record Config(
      long windowSeconds,
      int minTasks,
      int maxTasks,
      double alpha,
      double spreadMargin,
      int minPairs,
      int minBuyersPaid,
      long payoutDays,
      long linkDays) {
    public static final Config DEFAULT = new Config(2 * 86_400L, 6, 48, 1e-5, 0.5, 100, 2, 7, 1100);

    public Config {
      if (windowSeconds < 3600 || minTasks < 3 || maxTasks < minTasks || maxTasks > 256) {
        throw new IllegalArgumentException(
            "scripted: need window >= 1h and 3 <= min tasks <= max tasks <= 256");
      }
      if (!(alpha > 0 && alpha < 1) || !(spreadMargin > 0 && spreadMargin <= 1)) {
        throw new IllegalArgumentException("scripted: need 0 < alpha < 1 and 0 < margin <= 1");
      }
      if (minPairs < 10 || minBuyersPaid < 2 || payoutDays < 1 || linkDays < 1) {
        throw new IllegalArgumentException(
            "scripted: need min pairs >= 10, min buyers paid >= 2, positive days");
      }
    }
  }

  /** The six stages, in dataflow order. */
  public static List<Stage<?>> stages(Config config) {
    return List.of(
        new TaskLog(config),
        new DwellPopulation(config),
        new Payees(config),
        new Brokers(config),
        new BrokerLinks(config),
        new TaskReviews());
  }
}
