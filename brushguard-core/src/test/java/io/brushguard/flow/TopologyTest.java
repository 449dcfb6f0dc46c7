package io.brushguard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.event.EventType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyTest {
  record A() implements Fact {}

  record B() implements Fact {}

  record C() implements Fact {}

  /** A stage that only declares its wiring. */
  record Declared(String name, Wiring wiring) implements Stage<Object> {
    @Override
    public Object newState() {
      return new Object();
    }

    @Override
    public boolean isEmpty(Object state) {
      return true;
    }
  }

  private static Declared stage(String name, Wiring wiring) {
    return new Declared(name, wiring);
  }

  @Test
  void stages_rankedSoThatEveryFactComesFromALowerRank_listedOrderAmongEquals() {
    Declared last = stage("last", new Wiring(Set.of(), Set.of(B.class), Set.of(C.class)));
    Declared middle = stage("middle", new Wiring(Set.of(), Set.of(A.class), Set.of(B.class)));
    Declared first = stage("first", Wiring.events(EventType.ORDER).produces(A.class));
    Declared other = stage("other", Wiring.events(EventType.REVIEW).produces(A.class));

    Topology t = Topology.of(List.of(last, middle, first, other), Set.of(C.class));

    assertThat(t.stages()).containsExactly(first, other, middle, last);
    assertThat(t.consumersOf(A.class)).containsExactly(2);
    assertThat(t.consumersOf(EventType.ORDER)).containsExactly(0);
    assertThat(t.reads(EventType.LIKE)).isFalse();
    assertThat(t.eventTypes()).containsExactly(EventType.ORDER, EventType.REVIEW);
    assertThat(t.isOutput(C.class)).isTrue();
  }

  @Test
  void cycle_isRefusedNamingItsStages() {
    Declared x = stage("x", new Wiring(Set.of(), Set.of(A.class), Set.of(B.class)));
    Declared y = stage("y", new Wiring(Set.of(), Set.of(B.class), Set.of(A.class)));
    Declared source = stage("source", Wiring.events(EventType.ORDER).produces(A.class));

    assertThatThrownBy(() -> Topology.of(List.of(source, x, y), Set.of()))
        .hasMessage("the stages [x, y] feed each other in a cycle");
  }

  @Test
  void stageFeedingItself_isRefused() {
    Declared x = stage("x", Wiring.events(EventType.ORDER).consumes(A.class).produces(A.class));

    assertThatThrownBy(() -> Topology.of(List.of(x), Set.of()))
        .hasMessage("stage \"x\" consumes what it produces; a stage cannot feed itself");
  }

  @Test
  void consumedFactWithoutProducer_isRefused() {
    Declared x = stage("x", Wiring.events(EventType.ORDER).consumes(A.class).produces(C.class));

    assertThatThrownBy(() -> Topology.of(List.of(x), Set.of(C.class)))
        .hasMessage("stage \"x\" consumes A, which no stage produces");
  }

  @Test
  void stagesNobodySubscribesTo_areLeftOut_transitively() {
    Declared unread = stage("unread", Wiring.events(EventType.ORDER).produces(A.class));
    Declared feedsUnread = stage("feeds", Wiring.events(EventType.LIKE).produces(B.class));
    Declared middle = stage("middle", new Wiring(Set.of(), Set.of(B.class), Set.of(A.class)));
    Declared used = stage("used", Wiring.events(EventType.REVIEW).produces(C.class));
    Declared sink = stage("sink", new Wiring(Set.of(EventType.LOGIN), Set.of(), Set.of()));

    Topology t = Topology.of(List.of(unread, feedsUnread, middle, used, sink), Set.of(C.class));

    assertThat(t.stages()).containsExactly(used, sink);
    assertThat(t.consumersOf(EventType.ORDER)).isEmpty();
  }

  @Test
  void twoStagesOfOneName_areRefused() {
    Declared x = stage("x", Wiring.events(EventType.ORDER).produces(A.class));

    assertThatThrownBy(() -> Topology.of(List.of(x, x), Set.of(A.class)))
        .hasMessageContaining("two stages are named \"x\"");
  }

  @Test
  void stamps_orderByTimeThenEventsThenRankKeyCallAndEmission() {
    List<Stamp> sorted =
        java.util.stream.Stream.of(
                new Stamp(5, 2, "a", 0, 0),
                new Stamp(5, 1, "b", 1, 0),
                Stamp.ofEvent(5, 90),
                new Stamp(4, 3, "z", 9, 9),
                new Stamp(5, 1, "b", 0, 1),
                Stamp.ofEvent(5, 12),
                new Stamp(5, 1, "a", 7, 0))
            .sorted()
            .toList();

    assertThat(sorted)
        .containsExactly(
            new Stamp(4, 3, "z", 9, 9),
            Stamp.ofEvent(5, 12),
            Stamp.ofEvent(5, 90),
            new Stamp(5, 1, "a", 7, 0),
            new Stamp(5, 1, "b", 0, 1),
            new Stamp(5, 1, "b", 1, 0),
            new Stamp(5, 2, "a", 0, 0));
  }
}
