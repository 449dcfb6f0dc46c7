package io.brushguard.detect.scripted;

import io.brushguard.flow.Fact;
import java.util.List;

/**
 * An account completed a task (an order after browsing the shop): what the population stage needs
 * to learn the population's spread of browsing times and to judge this account's.
 *
 * @param account the buyer
 * @param payer the payment account on the order, or null
 * @param pairDiff |ln dwell − ln previous dwell| against the account's previous task in the window,
 *     or a negative number when there is none
 * @param tasks the account's tasks in the window, oldest first, when there are enough to judge;
 *     otherwise empty
 */
public record TaskDone(String account, String payer, double pairDiff, List<Task> tasks)
    implements Fact {}
