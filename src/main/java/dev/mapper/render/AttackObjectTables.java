package dev.mapper.render;

import dev.mapper.model.Adversary;
import dev.mapper.model.AdversaryReport;
import dev.mapper.model.AttackObject;
import dev.mapper.model.Campaign;
import dev.mapper.model.AdversaryTechniques;
import dev.mapper.model.CoverageReport;
import dev.mapper.model.DefenseReport;
import dev.mapper.model.DetectionStrategy;
import dev.mapper.model.GapReport;
import dev.mapper.model.Mapping;
import dev.mapper.model.Mitigation;
import dev.mapper.model.Procedure;
import dev.mapper.model.Score;
import dev.mapper.model.Software;
import dev.mapper.model.Technique;
import dev.mapper.model.TechniqueUse;
import dev.mapper.render.Style.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The tables of the ATT&CK objects besides techniques: an adversary and what covers it, a mitigation, a detection strategy. */
final class AttackObjectTables {

    /** A framework's capabilities are named up to this many; more are counted. */
    private static final int NAMED_CAPABILITIES = 3;

    private final TableRenderer table;
    private final int width;

    AttackObjectTables(TableRenderer table, int width) {
        this.table = table;
        this.width = width;
    }

    String adversary(AdversaryReport report) {
        Adversary a = report.adversary();
        StringBuilder b = new StringBuilder();
        header(b, a);
        if (a instanceof Software software) {
            table.field(b, "Type", software.type());
            table.field(b, "Platforms", String.join(", ", software.platforms()));
        }
        if (a instanceof Campaign campaign) {
            table.field(b, "Seen", Objects.requireNonNullElse(campaign.firstSeen(), "?") + " to "
                    + Objects.requireNonNullElse(campaign.lastSeen(), "?"));
        }
        related(b, "Software", report.software());
        related(b, "Campaigns", report.campaigns());
        related(b, "Groups", report.groups());
        description(b, a.description());

        List<TechniqueUse> counted = report.techniques().stream().filter(TechniqueUse::counted).toList();
        b.append('\n').append(table.style(Role.HEADING, "Coverage")).append("  ")
                .append(TableRenderer.count(counted.size(), "technique")).append(" used").append(usedHow(report)).append('\n');
        if (report.sets().isEmpty()) {
            b.append("  no mapping set searched\n");
        } else {
            Columns frameworks = new Columns("FRAMEWORK", "COVERED>", "TOTAL>", "%>");
            report.frameworkCoverage().forEach(row -> frameworks.add(row.framework(), String.valueOf(row.covered()),
                    String.valueOf(row.total()), String.format(Locale.ROOT, "%.1f%%", row.percent())));
            b.append(frameworks.render(width, false));
        }

        if (table.brief()) {
            return b.toString();
        }
        b.append('\n').append(table.style(Role.HEADING, "Techniques")).append("  ")
                .append(report.techniques().size()).append('\n');
        for (TechniqueUse use : report.techniques()) {
            Technique t = use.technique();
            b.append('\n').append(table.style(Role.HEADING, Text.line(t.id()) + "  "
                    + Text.line(Objects.requireNonNullElse(t.name(), "(no name)")))).append(status(use)).append('\n');
            for (Procedure p : use.procedures()) {
                String by = p.by() == a ? "" : p.by().id() + " " + p.by().name() + ": ";
                table.indented(b, "    ", by + (p.description() == null ? "(no description)"
                        : Footnotes.withoutNotes(p.description())));
            }
            for (String line : Text.wrap(covers(report.mappingsOf(t.id())), width - 4)) {
                b.append("    ").append(table.style(Role.MUTED, line)).append('\n');
            }
        }
        return b.toString();
    }

    String defense(DefenseReport report) {
        StringBuilder b = new StringBuilder();
        header(b, report.defense());
        if (report.defense() instanceof Mitigation mitigation) {
            description(b, mitigation.description());
        }
        if (report.defense() instanceof DetectionStrategy strategy) {
            b.append('\n').append(table.style(Role.HEADING, "Analytics")).append("  ")
                    .append(strategy.analytics().size()).append('\n');
            for (DetectionStrategy.Analytic analytic : strategy.analytics()) {
                b.append('\n').append("  ").append(table.style(Role.HEADING, Text.line(analytic.id())))
                        .append("  ").append(Text.line(String.join(", ", analytic.platforms()))).append('\n');
                if (analytic.description() != null) {
                    table.indented(b, "    ", Footnotes.withoutNotes(analytic.description()));
                }
                for (DetectionStrategy.LogSource log : analytic.logSources()) {
                    table.indented(b, "    ", "log " + Objects.requireNonNullElse(log.name(), "?")
                            + (log.channel() == null ? "" : ": " + log.channel())
                            + (log.dataComponent() == null ? "" : " (" + log.dataComponent() + ")"));
                }
            }
        }
        String verb = report.defense() instanceof Mitigation ? "Mitigates" : "Detects";
        b.append('\n').append(table.style(Role.HEADING, verb)).append("  ")
                .append(TableRenderer.count(report.techniques().size(), "technique")).append('\n');
        for (Technique t : report.techniques()) {
            b.append("  ").append(Text.line(t.id())).append("  ").append(Text.line(t.name())).append('\n');
        }
        return b.toString();
    }

    /** A recommendation lists this many of the techniques it closes; more are counted. */
    private static final int LISTED_CLOSES = 6;

    String gap(GapReport report) {
        StringBuilder b = new StringBuilder();
        int uncovered = report.uncovered().size();
        b.append(table.style(Role.HEADING, "Gap")).append("  ").append(uncovered).append(" of ")
                .append(TableRenderer.count(report.techniquesUsed(), "technique")).append(" used by ")
                .append(report.users()).append(" not covered\n");
        table.field(b, "Have", report.have().isEmpty() ? "nothing (--have FILE lists what you have)"
                : TableRenderer.count(report.have().size(), "capability") + ": " + report.have().stream()
                        .map(c -> Text.line(c.id())).collect(Collectors.joining(", ")));
        table.field(b, "Sets", report.sets().isEmpty() ? "-" : report.sets().stream()
                .map(s -> Text.line(s.key().toString())).collect(Collectors.joining(", ")));

        b.append('\n').append(table.style(Role.HEADING, report.closableOnly()
                ? "Most used, uncovered, closable" : "Most used, uncovered")).append("  ")
                .append(report.shown().size() < uncovered ? report.shown().size() + " of " + uncovered : uncovered)
                .append('\n');
        // CAN ADD: how many candidate capabilities map to it; 0 means the searched sets have nothing for it.
        Columns techniques = new Columns("#>", "ID", "USERS>", "CAN ADD>", "NAME");
        int rank = 0;
        for (GapReport.GapTechnique g : report.shown()) {
            techniques.add(String.valueOf(++rank), g.technique().id(), String.valueOf(g.usedBy().size()),
                    String.valueOf(g.closableBy()), Objects.requireNonNullElse(g.technique().name(), ""));
        }
        b.append(techniques.render(width, false));

        String pad = " ".repeat("Add next  ".length());
        List<String> how = Text.wrap(report.recommendations().isEmpty()
                ? "nothing in the searched sets closes any of them"
                : "greedy, by adversaries' use times score (significant 3, partial 2, minimal 1)",
                Math.max(width - pad.length(), 20));
        b.append('\n').append(table.style(Role.HEADING, "Add next")).append("  ").append(how.get(0)).append('\n');
        for (int i = 1; i < how.size(); i++) {
            b.append(pad).append(how.get(i)).append('\n');
        }
        rank = 0;
        for (GapReport.Recommendation r : report.recommendations()) {
            b.append(String.format(Locale.ROOT, "%2d  ", ++rank)).append(table.style(Role.HEADING,
                    Text.line(r.capability().id()))).append("  ");
            String description = r.capability().description();
            if (description != null && !description.isBlank()) { // no second gap when there is nothing between
                b.append(Text.line(description)).append("  ");
            }
            b.append(table.style(Role.MUTED, "(" + r.capability().framework() + ")")).append('\n');
            table.indented(b, "    ", "value " + r.value() + " · closes " + TableRenderer.count(r.closes().size(),
                    "technique") + (report.closesShown(r) > 0 ? ", " + report.closesShown(r) + " of those above" : "")
                    + ": " + r.closes().stream().limit(LISTED_CLOSES).map(c -> c.technique().id() + " ("
                            + c.users() + (c.score() == null ? "" : ", " + c.score()) + ")")
                    .collect(Collectors.joining(", "))
                    + (r.closes().size() > LISTED_CLOSES ? " and " + (r.closes().size() - LISTED_CLOSES) + " more" : ""));
        }
        return b.toString();
    }

    /**
     * The techniques of an adversary coverage, covered then uncovered, each with how many of the adversaries use it
     * (when there are several) and, when covered, what covers it.
     */
    void adversaryCoverage(StringBuilder b, AdversaryTechniques adversaries, CoverageReport.DomainCoverage domain) {
        Map<String, Integer> users = new LinkedHashMap<>();
        adversaries.techniques().forEach(u -> users.put(u.technique().id(), u.usedBy().size()));
        boolean several = adversaries.adversaries().size() > 1;
        for (boolean covered : new boolean[] {true, false}) {
            List<CoverageReport.TechniqueCoverage> rows = domain.techniques().stream()
                    .filter(t -> t.covered() == covered).toList();
            b.append('\n').append(table.style(Role.HEADING, covered ? "Covered" : "Uncovered")).append("  ")
                    .append(rows.size()).append('\n');
            for (CoverageReport.TechniqueCoverage row : rows) {
                Technique t = row.technique();
                b.append("  ").append(Text.line(t.id())).append(' ').append(Text.line(Objects.requireNonNullElse(
                        t.name(), ""))).append(several ? table.style(Role.MUTED, "  (" + TableRenderer.count(
                        users.getOrDefault(t.id(), 0), "user") + ")") : "").append('\n');
                if (covered) {
                    table.indented(b, "    ", covers(row.mappings()));
                }
            }
        }
    }

    /** The object's ID and name, then its kind, aliases, domains, page and status. */
    private void header(StringBuilder b, AttackObject o) {
        b.append(table.style(Role.HEADING, Text.line(o.id()) + "  " + Text.line(o.name()))).append('\n');
        table.field(b, "Kind", o.kind().label());
        if (o.revoked()) {
            table.field(b, "Revoked", o.revokedBy() == null ? "yes" : "yes, by " + o.revokedBy());
        }
        if (o.deprecated()) {
            table.field(b, "Deprecated", "yes");
        }
        List<String> aliases = o.aliases().stream().filter(alias -> !alias.equals(o.name())).toList();
        if (!aliases.isEmpty()) {
            table.field(b, "Aliases", Text.line(String.join(", ", aliases)));
        }
        if (!o.domains().isEmpty()) {
            table.field(b, "Domains", String.join(", ", o.domains()));
        }
        if (o.url() != null) {
            table.field(b, "URL", Text.line(o.url()));
        }
    }

    private void related(StringBuilder b, String label, List<? extends AttackObject> objects) {
        if (!objects.isEmpty()) {
            table.listField(b, label, objects.stream().map(o -> o.id() + " " + o.name()).toList());
        }
    }

    private void description(StringBuilder b, String description) {
        if (description != null && !description.isBlank() && !table.brief()) {
            b.append('\n');
            table.longText(b, description, null);
        }
    }

    private static String usedHow(AdversaryReport report) {
        List<String> via = new ArrayList<>();
        if (!report.campaigns().isEmpty() && !(report.adversary() instanceof Software)) {
            via.add("its campaigns'");
        }
        if (report.viaSoftware()) {
            via.add("its software's");
        }
        return via.isEmpty() ? "" : " (with " + String.join(" and ", via) + ")";
    }

    /** Why a technique is not counted, or which revoked one it stands for; empty when neither. */
    private String status(TechniqueUse use) {
        List<String> notes = new ArrayList<>();
        if (!use.replaced().isEmpty()) {
            notes.add("used as " + String.join(", ", use.replaced()) + ", revoked");
        }
        Technique t = use.technique();
        if (t.revoked()) {
            notes.add("revoked" + (t.revokedBy() == null ? "" : " by " + t.revokedBy()) + ": not counted");
        } else if (t.deprecated()) {
            notes.add("deprecated: not counted");
        }
        return notes.isEmpty() ? "" : "  " + table.style(Role.MUTED, "(" + String.join("; ", notes) + ")");
    }

    /**
     * "covered: aws amazon_guardduty (significant), aws_iam (partial) · nist_800_53 14 capabilities": per framework
     * the capabilities that map to the technique, with the strongest score of each.
     */
    static String covers(List<Mapping> mappings) {
        if (mappings.isEmpty()) {
            return "not covered by the searched sets";
        }
        Map<String, Map<String, Score>> byFramework = new LinkedHashMap<>();
        for (Mapping m : mappings) {
            Map<String, Score> strongest = byFramework.computeIfAbsent(m.set().framework(), k -> new LinkedHashMap<>());
            String capability = Objects.requireNonNullElse(m.capabilityId(), "?");
            Score score = Score.of(m.scoreValue());
            Score before = strongest.get(capability);
            if (!strongest.containsKey(capability) || (score != null && (before == null || score.compareTo(before) > 0))) {
                strongest.put(capability, score);
            }
        }
        List<String> parts = new ArrayList<>();
        byFramework.forEach((framework, strongest) -> {
            if (strongest.size() > NAMED_CAPABILITIES) {
                parts.add(framework + " " + TableRenderer.count(strongest.size(), "capability"));
            } else {
                List<String> named = new ArrayList<>();
                strongest.forEach((capability, score) -> named.add(Text.line(capability)
                        + (score == null ? "" : " (" + score + ")")));
                parts.add(framework + " " + String.join(", ", named));
            }
        });
        return "covered: " + String.join(" · ", parts);
    }
}
