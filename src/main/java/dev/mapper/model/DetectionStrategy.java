package dev.mapper.model;

import java.util.List;

/**
 * An ATT&CK detection strategy ({@code x-mitre-detection-strategy}, ATT&CK 18 and later), e.g. DET0515: how to
 * detect the techniques it {@code detects}, as analytics per platform ({@code x_mitre_analytic_refs}).
 */
public record DetectionStrategy(String id, String stixId, String name, String url, List<String> domains,
                                boolean revoked, String revokedBy, boolean deprecated, List<Analytic> analytics)
        implements Defense {

    public DetectionStrategy {
        domains = List.copyOf(domains);
        analytics = List.copyOf(analytics);
    }

    @Override
    public Kind kind() {
        return Kind.DETECTION_STRATEGY;
    }

    /**
     * One analytic ({@code x-mitre-analytic}), e.g. AN1424: what to look for on some platforms, and in which logs.
     */
    public record Analytic(String id, String name, String description, List<String> platforms,
                           List<LogSource> logSources) {

        public Analytic {
            platforms = List.copyOf(platforms);
            logSources = List.copyOf(logSources);
        }
    }

    /**
     * A log an analytic reads ({@code x_mitre_log_source_references}): the data component's name, the log's name
     * and the channel or event within it.
     */
    public record LogSource(String dataComponent, String name, String channel) {
    }
}
