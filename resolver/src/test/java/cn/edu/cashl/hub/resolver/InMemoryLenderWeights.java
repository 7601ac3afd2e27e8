package cn.edu.cashl.hub.resolver;

import java.util.Map;

/** Lender weights held in a map, for tests: the staff's table without the database. */
final class InMemoryLenderWeights implements LenderWeights {

    private final Map<String, Double> weights;

    InMemoryLenderWeights(Map<String, Double> weights) {
        this.weights = Map.copyOf(weights);
    }

    @Override
    public double weight(String library) {
        return weights.getOrDefault(library, DEFAULT);
    }
}
