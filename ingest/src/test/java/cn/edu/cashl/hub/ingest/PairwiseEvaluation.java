package cn.edu.cashl.hub.ingest;

import java.util.List;
import java.util.Objects;

/**
 * Pairwise precision and recall of deduplication against a gold standard: every pair of accepted
 * records, the same master record (predicted) against the same gold label.
 */
final class PairwiseEvaluation {

    /** One accepted record: its name in reports, its gold label, the master record it joined. */
    record Labelled(String name, String gold, String master) {}

    final long goldPairs;
    final long predictedPairs;
    final long truePositives;
    final String mistakes;

    PairwiseEvaluation(List<Labelled> accepted) {
        long tp = 0;
        long predicted = 0;
        long gold = 0;
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < accepted.size(); i++) {
            for (int j = i + 1; j < accepted.size(); j++) {
                Labelled a = accepted.get(i);
                Labelled b = accepted.get(j);
                boolean same = Objects.equals(a.master(), b.master());
                boolean sameGold = a.gold().equals(b.gold());
                predicted += same ? 1 : 0;
                gold += sameGold ? 1 : 0;
                tp += same && sameGold ? 1 : 0;
                if (same != sameGold) {
                    report.append(same ? "false positive: " : "false negative: ")
                            .append(a.name())
                            .append(" / ")
                            .append(b.name())
                            .append('\n');
                }
            }
        }
        this.goldPairs = gold;
        this.predictedPairs = predicted;
        this.truePositives = tp;
        this.mistakes = report.toString();
    }

    double precision() {
        return predictedPairs == 0 ? 1 : (double) truePositives / predictedPairs;
    }

    double recall() {
        return goldPairs == 0 ? 1 : (double) truePositives / goldPairs;
    }
}
