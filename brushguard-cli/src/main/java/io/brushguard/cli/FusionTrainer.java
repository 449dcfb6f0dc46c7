package io.brushguard.cli;

import io.brushguard.decide.CodeEvidence;
import io.brushguard.decide.LogisticFusion;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.eval.TrainingRows;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Fits a {@link LogisticFusion} per entity kind with Tribuo's logistic regression (SGD with
 * AdaGrad, Tribuo's defaults, fixed seed: the same rows give the same model). Features per reason
 * code: the evidence of its strongest signal, {@code -ln(1 - s)}, and {@code ln(origins)}, exactly
 * as {@link LogisticFusion} computes them at scan time. A kind with fewer than {@value #MIN_CLASS}
 * rows of either class is left to the default fusion. Tribuo is used only here, in the command
 * line: the model file holds plain weights, so the core and both runtimes score it with no library.
 */
final class FusionTrainer {
  static final int MIN_CLASS = 20;

  /** Tribuo reports progress through java.util.logging; the summary says what matters. */
  private static final java.util.logging.Logger TRIBUO_LOG =
      java.util.logging.Logger.getLogger("org.tribuo");

  private static final Label FRAUD = new Label("fraud");
  private static final Label GENUINE = new Label("genuine");

  private FusionTrainer() {}

  /** The model and a few lines about it. */
  record Fitted(LogisticFusion model, String summary) {}

  static Fitted fit(List<TrainingRows.Row> rows) {
    TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
    Map<EntityKind, List<TrainingRows.Row>> byKind = new EnumMap<>(EntityKind.class);
    for (TrainingRows.Row r : rows) {
      byKind.computeIfAbsent(r.entity(), k -> new ArrayList<>()).add(r);
    }
    Map<EntityKind, LogisticFusion.Weights> kinds = new EnumMap<>(EntityKind.class);
    StringBuilder summary = new StringBuilder();
    for (Map.Entry<EntityKind, List<TrainingRows.Row>> e : byKind.entrySet()) {
      long fraud = e.getValue().stream().filter(TrainingRows.Row::fraud).count();
      long genuine = e.getValue().size() - fraud;
      summary.append(
          String.format(
              Locale.ROOT,
              "%s: %,d rows (%,d fraud, %,d genuine)",
              e.getKey().wire(),
              e.getValue().size(),
              fraud,
              genuine));
      if (fraud < MIN_CLASS || genuine < MIN_CLASS) {
        summary.append(": too few of one class, left to the default fusion\n");
        continue;
      }
      LogisticFusion.Weights w = fitKind(e.getValue());
      kinds.put(e.getKey(), w);
      summary.append(
          String.format(Locale.ROOT, ": bias %.3f, %d codes%n", w.bias(), w.strength().size()));
    }
    return new Fitted(new LogisticFusion(kinds), summary.toString());
  }

  private static LogisticFusion.Weights fitKind(List<TrainingRows.Row> rows) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(new SimpleDataSourceProvenance("labelled findings", factory), factory);
    TreeSet<String> codes = new TreeSet<>();
    for (TrainingRows.Row r : rows) {
      int n = r.codes().size();
      String[] names = new String[2 * n];
      double[] values = new double[2 * n];
      for (int i = 0; i < n; i++) {
        TrainingRows.Code c = r.codes().get(i);
        codes.add(c.code());
        names[2 * i] = c.code();
        values[2 * i] = LogisticFusion.feature(evidence(c));
        names[2 * i + 1] = c.code() + ".origins";
        values[2 * i + 1] = Math.log(c.origins());
      }
      data.add(new ArrayExample<>(r.fraud() ? FRAUD : GENUINE, names, values));
    }
    LinearSGDModel model = (LinearSGDModel) new LogisticRegressionTrainer().train(data);
    DenseMatrix weights = model.getWeightsCopy(); // outputs × (features + bias)
    ImmutableFeatureMap features = model.getFeatureIDMap();
    int f = model.getOutputIDInfo().getID(FRAUD);
    int g = model.getOutputIDInfo().getID(GENUINE);
    int biasColumn = features.size();
    Map<String, Double> strength = new HashMap<>();
    Map<String, Double> origins = new HashMap<>();
    double sum = 0;
    for (String code : codes) {
      strength.put(code, diff(weights, f, g, features.getID(code)));
      sum += strength.get(code);
      int o = features.getID(code + ".origins");
      if (o >= 0) {
        origins.put(code, diff(weights, f, g, o));
      }
    }
    double bias = weights.get(f, biasColumn) - weights.get(g, biasColumn);
    // a code added after training counts like an average code of the kind
    return new LogisticFusion.Weights(bias, sum / codes.size(), strength, origins);
  }

  /** A two-class softmax's weight on a feature as a logistic one: fraud's minus genuine's. */
  private static double diff(DenseMatrix w, int fraud, int genuine, int feature) {
    return feature < 0 ? 0 : w.get(fraud, feature) - w.get(genuine, feature);
  }

  private static CodeEvidence evidence(TrainingRows.Code c) {
    return new CodeEvidence(
        new Signal(EntityKind.ORDER, "-", c.code(), "-", c.strength(), 0, null), c.origins(), 0);
  }
}
