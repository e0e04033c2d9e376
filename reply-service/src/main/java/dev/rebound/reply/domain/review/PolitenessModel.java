package dev.rebound.reply.domain.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A logistic-regression politeness model: P(polite) = σ(bias + Σ weight × feature). */
public final class PolitenessModel {

    static final String BIAS = "<bias>";

    private final double bias;
    private final Map<String, Double> weights;

    public PolitenessModel(double bias, Map<String, Double> weights) {
        this.bias = bias;
        this.weights = Map.copyOf(weights);
    }

    public double probability(Map<String, Double> features) {
        double z = bias;
        for (Map.Entry<String, Double> feature : features.entrySet()) {
            z += weights.getOrDefault(feature.getKey(), 0.0) * feature.getValue();
        }
        return 1 / (1 + Math.exp(-z));
    }

    public double weight(String feature) {
        return weights.getOrDefault(feature, 0.0);
    }

    /** Reads a model written by {@link #toTsv()} from the class path. */
    public static PolitenessModel fromResource(String resource) {
        try (InputStream in = PolitenessModel.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no politeness model at " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            double bias = 0;
            Map<String, Double> weights = new HashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                String feature = line.substring(0, tab);
                double weight = Double.parseDouble(line.substring(tab + 1));
                if (feature.equals(BIAS)) {
                    bias = weight;
                } else {
                    weights.put(feature, weight);
                }
            }
            return new PolitenessModel(bias, weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** One "feature TAB weight" line each, the bias first; weights that rounded to zero are left out. */
    public String toTsv(String comment) {
        StringBuilder out = new StringBuilder("# ").append(comment.replace("\n", "\n# ")).append('\n');
        out.append(BIAS).append('\t').append(String.format(Locale.ROOT, "%.6f", bias)).append('\n');
        new TreeMap<>(weights).forEach((feature, weight) -> {
            if (Math.abs(weight) >= 1e-4) {
                out.append(feature).append('\t').append(String.format(Locale.ROOT, "%.6f", weight)).append('\n');
            }
        });
        return out.toString();
    }
}
