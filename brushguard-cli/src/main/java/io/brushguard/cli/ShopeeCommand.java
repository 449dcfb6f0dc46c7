package io.brushguard.cli;

import io.brushguard.detect.concentration.ShopeeBrushing;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import io.brushguard.ingest.ShopeeCsv;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brushguard shopee}: the Shopee Code League 2020 order-brushing task, exactly. */
@Command(
    name = "shopee",
    mixinStandardHelpOptions = true,
    description = {
      "Reads a Shopee order log (orderid,shopid,userid,event_time) and writes shopid,userid:",
      "one row per shop, 0 when it did not brush, else its suspicious buyers joined by &."
    })
final class ShopeeCommand implements Callable<Integer> {
  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE",
      description = "order log CSV (optionally gzip)")
  Path in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "submission CSV to write")
  Path out;

  @Option(names = "--rejects", paramLabel = "FILE", description = "write rejected lines here")
  Path rejects;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("no such file: " + in);
    }
    AtomicFile.requireWritableDirectory(out);
    List<ShopeeCsv.Row> rows = new ArrayList<>(1 << 18);
    try (InputStream input = EventReader.open(in);
        RejectsFile rejectsFile = new RejectsFile(rejects)) {
      ShopeeCsv.read(
          input,
          new ShopeeCsv.Sink() {
            @Override
            public void accept(ShopeeCsv.Row row) {
              rows.add(row);
            }

            @Override
            public void reject(Reject r) {
              if (rejectsFile.written() < 10) {
                System.err.println("brushguard: " + r.message());
              } else if (rejectsFile.written() == 10) {
                System.err.println("brushguard: more rejected lines; see --rejects");
              }
              rejectsFile.write(r);
            }
          });
      rejectsFile.commit();
      if (rejectsFile.written() > 0) {
        System.err.println("brushguard: " + rejectsFile.written() + " lines rejected");
      }
    }
    Map<String, List<String>> answer = new TreeMap<>(ShopeeBrushing::compareIds);
    answer.putAll(ShopeeBrushing.contest().solve(rows));
    try (AtomicFile file = new AtomicFile(out)) {
      BufferedWriter w = file.writer();
      w.write("shopid,userid\n");
      for (Map.Entry<String, List<String>> e : answer.entrySet()) {
        w.write(e.getKey());
        w.write(',');
        w.write(e.getValue().isEmpty() ? "0" : String.join("&", e.getValue()));
        w.write('\n');
      }
      file.commit();
    }
    return 0;
  }
}
