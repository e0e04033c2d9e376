package dev.rebound.reply.domain.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * L2-regularised logistic regression fitted by full-batch gradient descent with AdaGrad steps:
 * small, deterministic and enough for a few thousand sparse examples.
 */
public final class LogisticRegression {

    private final double l2;
    private final int iterations;
    private final double learningRate;

    public LogisticRegression(double l2, int iterations, double learningRate) {
        this.l2 = l2;
        this.iterations = iterations;
        this.learningRate = learningRate;
    }

    /** Fits on examples labelled true (polite) or false. */
    public PolitenessModel fit(List<Map<String, Double>> examples, List<Boolean> labels) {
        Map<String, Integer> index = new HashMap<>();
        int[][] featureIds = new int[examples.size()][];
        double[][] values = new double[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            Map<String, Double> example = examples.get(i);
            featureIds[i] = new int[example.size()];
            values[i] = new double[example.size()];
            int j = 0;
            for (Map.Entry<String, Double> feature : example.entrySet()) {
                featureIds[i][j] = index.computeIfAbsent(feature.getKey(), k -> index.size());
                values[i][j] = feature.getValue();
                j++;
            }
        }
        int n = examples.size();
        double[] weights = new double[index.size()];
        double[] squaredGradients = new double[index.size()];
        double bias = 0;
        double biasSquaredGradient = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = new double[weights.length];
            double biasGradient = 0;
            for (int i = 0; i < n; i++) {
                double z = bias;
                for (int j = 0; j < featureIds[i].length; j++) {
                    z += weights[featureIds[i][j]] * values[i][j];
                }
                double error = 1 / (1 + Math.exp(-z)) - (labels.get(i) ? 1 : 0);
                biasGradient += error / n;
                for (int j = 0; j < featureIds[i].length; j++) {
                    gradient[featureIds[i][j]] += error * values[i][j] / n;
                }
            }
            for (int f = 0; f < weights.length; f++) {
                double g = gradient[f] + l2 * weights[f];
                squaredGradients[f] += g * g;
                weights[f] -= learningRate * g / (Math.sqrt(squaredGradients[f]) + 1e-8);
            }
            biasSquaredGradient += biasGradient * biasGradient;
            bias -= learningRate * biasGradient / (Math.sqrt(biasSquaredGradient) + 1e-8);
        }
        Map<String, Double> named = new HashMap<>();
        index.forEach((feature, id) -> named.put(feature, weights[id]));
        return new PolitenessModel(bias, named);
    }
}
