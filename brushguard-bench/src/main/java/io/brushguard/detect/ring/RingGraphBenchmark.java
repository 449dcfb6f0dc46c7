package io.brushguard.detect.ring;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Edge updates per second of the ring detector's graph ({@link RingGraph}) in steady state: {@code
 * edges} live edges in a window of 7 days, each update one new edge (a fresh row-column pair: index
 * lookup, insert into both adjacency lists, queue) at a minute that advances so the window keeps
 * its size, and the expiry of the edges leaving the window (once per simulated minute). Rows and
 * columns are drawn from {@code edges / 8} accounts and {@code edges / 16} columns. Reported per
 * update; the set-up prints the heap used per live edge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC"})
public class RingGraphBenchmark {
  static final int BATCH = 100_000;
  static final int WINDOW = 7 * 24 * 60;

  @Param({"1000000", "10000000"})
  public int edges;

  private RingGraph graph;
  private int[] rowOf;
  private int[] colOf;
  private SplittableRandom rnd;
  private long updates;
  private int perMinute;

  @Setup(Level.Trial)
  public void setUp() {
    rnd = new SplittableRandom(1);
    graph = new RingGraph(WINDOW);
    int accounts = edges / 8;
    int columns = edges / 16;
    rowOf = new int[accounts];
    for (int a = 0; a < accounts; a++) {
      rowOf[a] = -1;
    }
    colOf = new int[columns];
    for (int c = 0; c < columns; c++) {
      colOf[c] = graph.col(RingGraph.tokenKey(RingGraph.DEVICE, "c" + c), RingGraph.DEVICE, null);
    }
    // 1% more updates per minute than the window holds: with edges / WINDOW rounded down the
    // window's steady state stays just under {@code edges} and the set-up never ends
    perMinute = (int) Math.ceil(edges * 1.01 / WINDOW);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    while (graph.liveEdges() < edges) {
      update();
    }
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        "%n%d live edges, %d rows: %.0f bytes per live edge (heap, rows and columns included)%n",
        graph.liveEdges(), graph.liveRows(), (after - before) / (double) graph.liveEdges());
  }

  private void update() {
    int minute = (int) (updates / perMinute);
    if (updates % perMinute == 0) {
      graph.expire(minute);
    }
    updates++;
    int a = rnd.nextInt(rowOf.length);
    int r = graph.findRow("a" + a);
    if (r < 0) {
      r = graph.row("a" + a);
    }
    int c = rnd.nextInt(colOf.length);
    if (graph.colDeg[colOf[c]] == 0
        && graph.findCol(RingGraph.tokenKey(RingGraph.DEVICE, "c" + c)) < 0) {
      colOf[c] = graph.col(RingGraph.tokenKey(RingGraph.DEVICE, "c" + c), RingGraph.DEVICE, null);
    }
    graph.touch(r, colOf[c], minute);
    if (graph.dirtyCount > 1 << 16) {
      graph.takeDirty();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int edgeUpdates() {
    for (int k = 0; k < BATCH; k++) {
      update();
    }
    return graph.liveEdges();
  }
}
