package io.brushguard.cli;

import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RingLine;
import io.brushguard.embedded.Scan;
import io.brushguard.findings.FindingsFormat;
import io.brushguard.findings.Summary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a scan's findings file: one {@code finding} line each, one {@code shop} line per shop,
 * then the {@code summary} line.
 */
final class FindingsFile {
  private FindingsFile() {}

  /**
   * @param seconds wall time of the scan, for the summary
   */
  static void write(Path out, Scan.Result result, double seconds) throws IOException {
    try (AtomicFile file = new AtomicFile(out)) {
      BufferedWriter w = file.writer();
      for (Finding f : result.findings()) {
        w.write(FindingsFormat.finding(f));
        w.newLine();
      }
      for (RingLine r : result.rings()) {
        w.write(FindingsFormat.ring(r));
        w.newLine();
      }
      for (ShopStanding s : result.shops()) {
        w.write(FindingsFormat.shop(s));
        w.newLine();
      }
      w.write(
          FindingsFormat.summary(
              new Summary(
                  result.events(),
                  result.rejected(),
                  result.late(),
                  seconds,
                  result.findings().size(),
                  result.rings().size(),
                  result.detectorErrors())));
      w.newLine();
      file.commit();
    }
  }
}
