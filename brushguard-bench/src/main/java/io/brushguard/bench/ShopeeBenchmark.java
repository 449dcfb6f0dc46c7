package io.brushguard.bench;

import io.brushguard.detect.concentration.ShopeeBrushing;
import io.brushguard.ingest.Reject;
import io.brushguard.ingest.ShopeeCsv;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Shopee Code League 2020 task on a contest-sized log ({@link ShopeeLogGenerator}: 222,750
 * orders, 18,770 shops) in a warm JVM, in milliseconds per whole log. {@code solve}: the answer
 * from parsed rows. {@code readAndSolve}: what {@code brushguard shopee} does between opening the
 * file and writing the answer (parse the CSV from memory, solve, sort shops).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class ShopeeBenchmark {
  private List<ShopeeCsv.Row> rows;
  private byte[] csv;

  @Setup
  public void setUp() {
    ShopeeLogGenerator log = ShopeeLogGenerator.generate(ShopeeLogGenerator.Config.CONTEST);
    rows = log.rows();
    csv = log.toCsvBytes();
  }

  @Benchmark
  public Map<String, List<String>> solve() {
    return ShopeeBrushing.contest().solve(rows);
  }

  @Benchmark
  public Map<String, List<String>> readAndSolve() {
    List<ShopeeCsv.Row> parsed = new ArrayList<>(1 << 18);
    ShopeeCsv.read(
        new ByteArrayInputStream(csv),
        new ShopeeCsv.Sink() {
          @Override
          public void accept(ShopeeCsv.Row row) {
            parsed.add(row);
          }

          @Override
          public void reject(Reject reject) {
            throw new AssertionError(reject.message());
          }
        });
    Map<String, List<String>> answer = new TreeMap<>(ShopeeBrushing::compareIds);
    answer.putAll(ShopeeBrushing.contest().solve(parsed));
    return answer;
  }
}
